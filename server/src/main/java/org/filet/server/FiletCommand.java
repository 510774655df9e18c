package org.filet.server;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import org.filet.server.cli.AdminCommand;
import org.filet.server.cli.BenchCommand;
import org.filet.server.cli.LedgerCommand;
import org.filet.server.cli.KeysCommand;
import org.filet.server.cli.ServeCommand;

/** The {@code filet} command: runs the platform and the tools around it. */
@Command(name = "filet", mixinStandardHelpOptions = true, versionProvider = FiletCommand.Version.class,
        description = "Filet: evidence, triage, linking and referral against online child sexual exploitation.",
        subcommands = {ServeCommand.class, AdminCommand.class, LedgerCommand.class, KeysCommand.class, BenchCommand.class, CommandLine.HelpCommand.class})
public final class FiletCommand {

    public static void main(String[] args) {
        int exit = new CommandLine(new FiletCommand()).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
        if (exit != 0 || !ServeCommand.isServing()) {
            System.exit(exit);
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = FiletCommand.class.getPackage().getImplementationVersion();
            return new String[] {"filet " + (v == null ? "development" : v)};
        }
    }
}
