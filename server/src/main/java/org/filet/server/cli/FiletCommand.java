package org.filet.server.cli;

import org.filet.chatexport.cli.ImportCommand;
import org.filet.grooming.cli.EvalTriageCommand;
import org.filet.grooming.cli.ScoreCommand;
import org.filet.grooming.cli.TrainTriageCommand;
import org.filet.identifiers.cli.IdentifiersCommand;
import org.filet.pdq.cli.PdqCommand;
import org.filet.verify.VerifyCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code filet} command: runs the platform and the tools around it. */
@Command(
        name = "filet",
        mixinStandardHelpOptions = true,
        versionProvider = FiletCommand.Version.class,
        description = "Filet: evidence, triage, linking and referral against online child sexual exploitation.",
        subcommands = {
            ServeCommand.class,
            AdminCommand.class,
            LedgerCommand.class,
            KeysCommand.class,
            BackupCommand.class,
            RestoreCommand.class,
            RetentionCommand.class,
            VerifyCommand.class,
            ImportCommand.class,
            ScoreCommand.class,
            PdqCommand.class,
            EvalTriageCommand.class,
            TrainTriageCommand.class,
            IdentifiersCommand.class,
            HashListCommand.class,
            BenchCommand.class,
            CommandLine.HelpCommand.class
        })
public final class FiletCommand {

    public static void main(String[] args) {
        int exit = commandLine().execute(args);
        if (exit != 0 || !ServeCommand.isServing()) {
            System.exit(exit);
        }
    }

    /** The command line with its error policy: a crash is reported as exit 2 (could not run), never as 1 (a finding). */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new FiletCommand()).setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("filet " + cmd.getCommandName() + ": " + e.getMessage());
            return 2;
        });
        return cl;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = FiletCommand.class.getPackage().getImplementationVersion();
            return new String[] {"filet " + (v == null ? "development" : v)};
        }
    }
}
