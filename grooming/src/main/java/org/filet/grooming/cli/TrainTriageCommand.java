package org.filet.grooming.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.filet.grooming.TrainTriage;
import org.filet.grooming.TriageModel;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code train-triage [--data DIR] [--out FILE]}: trains the statistical layer deterministically on the research
 * data, prints the cross-validated figures per language ({@code name value} lines) and writes the model file.
 */
@Command(
        name = "train-triage",
        mixinStandardHelpOptions = true,
        description = "Train the grooming-risk model deterministically on the research data (train/ folders and the"
                + " labelled dev/ segments in English, German and Dutch, 5-fold cross-fitted: calibration, thresholds and"
                + " the printed cv.* figures come from out-of-fold scores) and write the model file.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:model written", "1:the data could not be read or the model not written", "2:usage error"})
public final class TrainTriageCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(
            names = "--data",
            paramLabel = "DIR",
            description =
                    "The grooming research data folder, holding train/ and dev/ (default: ../shared/data/grooming).")
    Path data = Path.of("../shared/data/grooming");

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write the model (default: triage-model.bin).")
    Path out = Path.of("triage-model.bin");

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isDirectory(data.resolve("train"))) {
            err.println("train-triage: " + data + " has no train/ folder");
            err.flush();
            return 2;
        }
        PrintWriter writer = spec.commandLine().getOut();
        PrintStream log = new PrintStream(new WriterOutputStream(writer), true, StandardCharsets.UTF_8);
        try {
            TriageModel model = new TrainTriage().run(data, log);
            try (OutputStream o = Files.newOutputStream(out)) {
                model.write(o);
            }
            log.println("model.written " + out);
            log.flush();
            writer.flush();
            return 0;
        } catch (IOException e) {
            err.println("train-triage: " + e.getMessage());
            err.flush();
            return 1;
        }
    }

    static TriageModel readModel(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return TriageModel.read(in);
        }
    }

    /** Bridges a PrintStream onto picocli's writer (UTF-8). */
    private static final class WriterOutputStream extends OutputStream {
        private final PrintWriter writer;
        private final java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();

        WriterOutputStream(PrintWriter writer) {
            this.writer = writer;
        }

        @Override
        public void write(int b) {
            line.write(b);
            if (b == '\n') {
                flush();
            }
        }

        @Override
        public void flush() {
            writer.write(line.toString(StandardCharsets.UTF_8));
            writer.flush();
            line.reset();
        }
    }

    /** Runs the command without exiting the JVM (for tests and embedding). */
    public static int mainWithoutExit(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new TrainTriageCommand());
        cl.setOut(out);
        cl.setErr(err);
        return cl.execute(args);
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new TrainTriageCommand()).execute(args));
    }
}
