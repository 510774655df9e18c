package org.filet.server.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.filet.server.retention.Retention;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code filet retention run}: applies the retention rules now, or lists what they would delete. */
@Command(
        name = "retention",
        mixinStandardHelpOptions = true,
        description = "Retention of reports (crypto-shredding).",
        subcommands = {RetentionCommand.Run.class})
public final class RetentionCommand {

    @Option(
            names = "--data",
            defaultValue = "${env:FILET_DATA:-./filet-data}",
            scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "data directory (default: ${DEFAULT-VALUE})")
    Path data;

    @Command(
            name = "run",
            mixinStandardHelpOptions = true,
            description =
                    "Crypto-shreds the objects of every report past its organisation's retention period (never a case on "
                            + "legal hold) and erases contact details of closed reports; prints each deletion. Exit 0, or 1 if an object "
                            + "could not be shredded.")
    static final class Run implements Callable<Integer> {
        @ParentCommand
        RetentionCommand retention;

        @Option(names = "--dry-run", description = "only print what would be deleted")
        boolean dryRun;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (ConfigurableApplicationContext ctx = Contexts.offline(retention.data)) {
                Retention.Result result = ctx.getBean(Retention.class).run(dryRun, Instant.now());
                PrintWriter out = spec.commandLine().getOut();
                String verb = dryRun ? "would delete" : "deleted";
                for (Retention.Deletion d : result.deletions()) {
                    out.println(verb + " " + d.receipt() + " rule=" + d.rule() + " objects="
                            + d.objects().size()
                            + (d.keptForOtherReports().isEmpty()
                                    ? ""
                                    : " kept-for-other-reports="
                                            + d.keptForOtherReports().size()));
                    d.objects().forEach(sha -> out.println("  " + sha));
                }
                result.contactsErased()
                        .forEach(r -> out.println(
                                (dryRun ? "would erase contact " : "erased contact ") + r + " rule=contact-on-close"));
                result.held().forEach(r -> out.println("held " + r + " (legal hold: untouched)"));
                result.problems().forEach(p -> out.println("PROBLEM " + p));
                out.println("retention" + (dryRun ? " (dry run)" : "") + ": "
                        + result.deletions().size() + " report(s), "
                        + result.objects() + " object(s), "
                        + result.contactsErased().size() + " contact(s), "
                        + result.held().size() + " held");
                out.flush();
                return result.problems().isEmpty() ? 0 : 1;
            }
        }
    }
}
