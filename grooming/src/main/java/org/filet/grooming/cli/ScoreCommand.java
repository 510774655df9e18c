package org.filet.grooming.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.filet.grooming.ConversationReader;
import org.filet.grooming.ConversationReader.Labelled;
import org.filet.grooming.ConversationUnreadable;
import org.filet.grooming.Language;
import org.filet.grooming.RiskScore;
import org.filet.grooming.RiskScoreJson;
import org.filet.grooming.RiskScorer;
import org.filet.grooming.Roles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code score FILE…}: prints one JSON object per conversation (see {@link RiskScoreJson}). Files holding
 * normalised conversation JSON Lines are read as such; any other file is plain text, one message per line.
 */
@Command(
        name = "score",
        mixinStandardHelpOptions = true,
        description = "Score conversations for grooming risk: score, level, signals with their messages, urgency"
                + " reasons and the first alert index, one JSON object per conversation.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:every file was scored", "1:at least one file could not be read", "2:usage error"})
public final class ScoreCommand implements Callable<Integer> {

    /** Exit codes. */
    public enum Exit {
        OK(0),
        SOME_UNREADABLE(1),
        USAGE(2);

        final int code;

        Exit(int code) {
            this.code = code;
        }
    }

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Conversation JSON Lines or plain-text files.")
    List<Path> files;

    @Option(
            names = "--lang",
            paramLabel = "xx",
            description = "Language of the chats (en, fr, de, nl); guessed if absent.")
    String lang;

    @Option(names = "--child", paramLabel = "NAME", description = "Sender name of the child, when known.")
    String child;

    @Option(names = "--child-age", paramLabel = "N", description = "The child's age (0-17), when known.")
    Integer childAge;

    @Option(names = "--no-texts", description = "Leave the evidence message texts out of the output.")
    boolean noTexts;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Optional<Language> language;
        try {
            language = lang == null ? Optional.empty() : Optional.of(Language.ofCode(lang));
            if (childAge != null && (childAge < 0 || childAge > 17)) {
                throw new IllegalArgumentException("--child-age must be 0..17");
            }
        } catch (IllegalArgumentException e) {
            err.println("score: " + e.getMessage());
            err.flush();
            return Exit.USAGE.code;
        }
        return execute(language).code;
    }

    private Exit execute(Optional<Language> language) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RiskScorer scorer = RiskScorer.standard();
        Exit exit = Exit.OK;
        for (Path file : files) {
            try {
                for (Labelled c : read(file)) {
                    Roles roles = child == null ? c.roles() : c.roles().withChild(child);
                    roles = childAge == null ? roles : roles.withChildAge(childAge);
                    RiskScore score = scorer.score(c.conversation(), roles, language);
                    RiskScoreJson.write(c.id(), c.conversation(), score, !noTexts, out);
                }
                out.flush();
            } catch (ConversationUnreadable e) {
                err.println("score: " + file + ": " + e.getMessage());
                exit = Exit.SOME_UNREADABLE;
            } catch (IOException e) {
                err.println(
                        "score: " + file + ": cannot be read (" + e.getClass().getSimpleName() + ")");
                exit = Exit.SOME_UNREADABLE;
            }
        }
        err.flush();
        return exit;
    }

    static List<Labelled> read(Path file) throws IOException, ConversationUnreadable {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        String id = file.getFileName().toString();
        if (ConversationReader.looksLikeJson(text)) {
            return ConversationReader.jsonLines(id, new StringReader(text));
        }
        return List.of(new Labelled(id, ConversationReader.plainText(new StringReader(text)), null));
    }

    /** Runs the command without exiting the JVM (for tests and embedding). */
    public static int mainWithoutExit(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new ScoreCommand());
        cl.setOut(out);
        cl.setErr(err);
        return cl.execute(args);
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new ScoreCommand()).execute(args));
    }
}
