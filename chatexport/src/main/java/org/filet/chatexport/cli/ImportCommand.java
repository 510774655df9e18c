package org.filet.chatexport.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import org.filet.chatexport.ChatImport;
import org.filet.chatexport.ConversationJson;
import org.filet.chatexport.ImportOptions;
import org.filet.chatexport.ImportResult;
import org.filet.chatexport.UnreadableExport;
import org.filet.conversation.Conversation;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code import FILE…}: prints each file's conversations as JSON Lines on standard output. A file that cannot be
 * read is reported on standard error (file and reason, never content); the other files are still processed.
 */
@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        resourceBundle = "org.filet.chatexport.cli.ImportMessages",
        description = "Read chat exports and print one JSON object per conversation.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:every file was read", "1:at least one file could not be read", "2:usage error"})
public final class ImportCommand implements Callable<Integer> {
    /** Exit codes. */
    public static final int OK = 0;

    public static final int SOME_UNREADABLE = 1;
    public static final int USAGE = 2;

    @Spec
    CommandSpec spec;

    @Parameters(
            arity = "1..*",
            paramLabel = "FILE",
            descriptionKey = "files",
            description = "Export files, zip archives or folders.")
    List<Path> files;

    @Option(
            names = "--zone",
            paramLabel = "ZONE",
            descriptionKey = "zone",
            description = "The exporting phone's time zone (e.g. Europe/Paris), used to turn wall-clock times into"
                    + " instants. Without it such times get no instant.")
    String zone;

    @Option(
            names = "--days-first",
            negatable = true,
            descriptionKey = "days-first",
            description = "Force WhatsApp day/month order instead of inferring it.")
    Boolean daysFirst;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ImportOptions options = ImportOptions.DEFAULT.withDaysFirst(daysFirst);
        if (zone != null) {
            try {
                options = options.withZone(ZoneId.of(zone));
            } catch (java.time.DateTimeException e) {
                err.println("import: --zone is not a known time zone id");
                return USAGE;
            }
        }
        int code = OK;
        for (Path f : files) {
            try {
                ImportResult result = ChatImport.read(f, options);
                for (Conversation c : result.conversations()) {
                    ConversationJson.write(c, out);
                }
                out.flush();
                for (UnreadableExport refused : result.refused()) {
                    err.println("import: " + refused.getMessage());
                    code = SOME_UNREADABLE;
                }
            } catch (UnreadableExport e) {
                err.println("import: " + e.getMessage());
                code = SOME_UNREADABLE;
            } catch (IOException | RuntimeException e) {
                err.println("import: " + f + ": internal error (" + e.getClass().getSimpleName() + ")");
                code = SOME_UNREADABLE;
            }
        }
        err.flush();
        return code;
    }

    /** Runs the command without exiting the JVM (for tests and embedding). */
    public static int mainWithoutExit(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new ImportCommand());
        cl.setOut(out);
        cl.setErr(err);
        return cl.execute(args);
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new ImportCommand()).execute(args));
    }
}
