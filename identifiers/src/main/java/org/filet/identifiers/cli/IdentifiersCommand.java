package org.filet.identifiers.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.filet.identifiers.CommonValues;
import org.filet.identifiers.Found;
import org.filet.identifiers.Identifier;
import org.filet.identifiers.IdentifierKind;
import org.filet.identifiers.Identifiers;
import org.filet.identifiers.Parsed;
import org.filet.identifiers.Phones;
import org.filet.identifiers.Platform;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code identifiers normalise KIND TEXT} and {@code identifiers extract [FILE]}: print what Filet makes of an
 * identifier or a text, one {@code key} per line ({@code ACCOUNT/snapchat/alicia_12}), for the operator who asked.
 */
@Command(
        name = "identifiers",
        mixinStandardHelpOptions = true,
        description = "Normalise identifiers (phone, e-mail, profile link, handle) or find them in a text.",
        subcommands = {IdentifiersCommand.Normalise.class, IdentifiersCommand.Extract.class})
public final class IdentifiersCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }

    /** {@code normalise KIND[/platform] TEXT --region FR}: 0 normalised, 1 rejected (with the rule), 2 usage error. */
    @Command(
            name = "normalise",
            mixinStandardHelpOptions = true,
            description = "Normalise one identifier: KIND is PHONE, EMAIL, URL, ACCOUNT or ACCOUNT/<platform>.",
            exitCodeListHeading = "Exit codes:%n",
            exitCodeList = {"0:normalised", "1:rejected (the rule is printed)", "2:usage error"})
    static final class Normalise implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "KIND")
        String kind;

        @Parameters(index = "1", paramLabel = "TEXT")
        String text;

        @Option(
                names = "--region",
                paramLabel = "XX",
                defaultValue = "FR",
                description =
                        "Region for numbers without country code (the child's country). Default: ${DEFAULT-VALUE}.")
        String region;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            String[] parts = kind.split("/", 2);
            IdentifierKind k;
            try {
                k = IdentifierKind.valueOf(parts[0].toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return usage(err, "normalise: KIND must be PHONE, EMAIL, URL or ACCOUNT[/platform]");
            }
            Platform platform = parts.length == 2 ? Platform.fromCode(parts[1]) : null;
            if (parts.length == 2 && platform == null) {
                return usage(err, "normalise: unknown platform");
            }
            if (!Phones.isKnownRegion(region.toUpperCase(Locale.ROOT))) {
                return usage(err, "normalise: --region must be an ISO 3166 region such as FR, BE, CH, CA");
            }
            Parsed<Identifier> parsed = Identifiers.normalise(k, platform, text, region);
            if (parsed instanceof Parsed.Rejected<Identifier> r) {
                out.println("rejected " + r.reason().name() + " (" + r.reason().description() + ")");
                out.flush();
                return 1;
            }
            Identifier id = parsed.orElseThrow();
            out.println(id.key() + (CommonValues.standard().isCommon(id) ? " common" : ""));
            out.flush();
            return 0;
        }
    }

    /** {@code extract [FILE] --region FR}: one line per identifier found: start, end, source, strength, key. */
    @Command(
            name = "extract",
            mixinStandardHelpOptions = true,
            description = "Find phone numbers, e-mails, links and handles in a UTF-8 text (FILE, or standard input).",
            exitCodeListHeading = "Exit codes:%n",
            exitCodeList = {"0:read (found or not)", "1:the file could not be read", "2:usage error"})
    static final class Extract implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", arity = "0..1", paramLabel = "FILE")
        Path file;

        @Option(
                names = "--region",
                paramLabel = "XX",
                defaultValue = "FR",
                description =
                        "Region for numbers without country code (the child's country). Default: ${DEFAULT-VALUE}.")
        String region;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (!Phones.isKnownRegion(region.toUpperCase(Locale.ROOT))) {
                return usage(err, "extract: --region must be an ISO 3166 region such as FR, BE, CH, CA");
            }
            String text;
            try {
                text = file == null
                        ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8)
                        : Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                err.println("extract: the file cannot be read (" + e.getClass().getSimpleName() + ")");
                err.flush();
                return 1;
            }
            CommonValues common = CommonValues.standard();
            List<Found> found = Identifiers.extract(text, region);
            for (Found f : found) {
                out.printf(
                        Locale.ROOT,
                        "%d %d %s %s %s%s%n",
                        f.start(),
                        f.end(),
                        f.source(),
                        f.strength(),
                        f.identifier().key(),
                        common.isCommon(f.identifier()) ? " common" : "");
            }
            out.flush();
            return 0;
        }
    }

    private static int usage(PrintWriter err, String message) {
        err.println(message);
        err.flush();
        return 2;
    }

    /** Runs the command without exiting the JVM (for tests and embedding). */
    public static int mainWithoutExit(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new IdentifiersCommand());
        cl.setOut(out);
        cl.setErr(err);
        return cl.execute(args);
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new IdentifiersCommand()).execute(args));
    }
}
