package org.filet.grooming.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.filet.grooming.Confusion;
import org.filet.grooming.ConversationReader.Labelled;
import org.filet.grooming.ConversationUnreadable;
import org.filet.grooming.EvalTriage;
import org.filet.grooming.Language;
import org.filet.grooming.TriageModel;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code eval-triage CORPUS [--lang xx]}: measures the scorer on a labelled corpus and prints {@code precision},
 * {@code recall}, {@code f0.5}, {@code f1}, {@code fpr}, {@code tp}, {@code fp}, {@code tn}, {@code fn}, one
 * {@code name value} line each.
 */
@Command(
        name = "eval-triage",
        mixinStandardHelpOptions = true,
        description = "Measure the grooming-risk scorer on a labelled corpus: segment,label CSV (VTPAN form),"
                + " PAN 2012 XML with its predator-id list, or conversation JSON Lines with a label field.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:measured", "1:the corpus could not be read", "2:usage error"})
public final class EvalTriageCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CORPUS", description = "The labelled corpus file.")
    Path corpus;

    @Option(
            names = "--lang",
            paramLabel = "xx",
            description = "Language of the chats (en, fr, de, nl); guessed if absent.")
    String lang;

    @Option(
            names = "--predators",
            paramLabel = "FILE",
            description =
                    "PAN12 predator-id list (default: every *predators*.txt or *groundtruth-problem1*.txt beside the XML).")
    Path predators;

    @Option(
            names = "--with-urgency",
            description =
                    "Also count conversations flagged only by an urgency rule (default: the model's score at the operating threshold).")
    boolean withUrgency;

    @Option(
            names = "--model",
            paramLabel = "FILE",
            description = "A model file from train-triage (default: the bundled model).")
    Path modelFile;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<Language> language;
        try {
            language = lang == null ? Optional.empty() : Optional.of(Language.ofCode(lang));
        } catch (IllegalArgumentException e) {
            err.println("eval-triage: " + e.getMessage());
            err.flush();
            return 2;
        }
        try {
            TriageModel model = modelFile == null ? TriageModel.bundled() : TrainTriageCommand.readModel(modelFile);
            List<Labelled> labelled = EvalTriage.load(corpus, predators);
            Confusion c = new EvalTriage(model).evaluate(labelled, language, withUrgency);
            out.printf(
                    Locale.ROOT,
                    "precision %.4f%nrecall %.4f%nf0.5 %.4f%nf1 %.4f%nfpr %.4f%ntp %d%nfp %d%ntn %d%nfn %d%n",
                    c.precision(),
                    c.recall(),
                    c.fBeta(0.5),
                    c.fBeta(1),
                    c.falsePositiveRate(),
                    c.tp(),
                    c.fp(),
                    c.tn(),
                    c.fn());
            out.flush();
            return 0;
        } catch (ConversationUnreadable e) {
            err.println("eval-triage: " + corpus + ": " + e.getMessage());
        } catch (IOException e) {
            err.println("eval-triage: " + corpus + ": cannot be read (" + e.getMessage() + ")");
        }
        err.flush();
        return 1;
    }

    /** Runs the command without exiting the JVM (for tests and embedding). */
    public static int mainWithoutExit(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new EvalTriageCommand());
        cl.setOut(out);
        cl.setErr(err);
        return cl.execute(args);
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new EvalTriageCommand()).execute(args));
    }
}
