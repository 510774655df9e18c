package org.filet.grooming;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.filet.conversation.Conversation;
import org.filet.grooming.train.TrainingCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trains on a tiny synthetic corpus in the research-data layout (mild phrases written for this test). */
class TrainTriageTest {

    private static final String[] RISKY = {
        "how old r u?",
        "ur so mature",
        "don't tell your parents",
        "send me a pic",
        "are you home alone?",
        "add me on snap",
        "we should meet up",
        "you can trust me"
    };
    private static final String[] ORDINARY = {
        "did you fix the build?",
        "try restarting the server",
        "lol",
        "which kernel version?",
        "the package is broken",
        "thanks that worked",
        "anyone here use vim?",
        "brb"
    };

    private static void write(Path file, List<String> lines) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    private static Path corpus(Path dir) throws IOException {
        Random random = new Random(1);
        for (int c = 0; c < 12; c++) {
            List<String> predator = new ArrayList<>();
            List<String> other = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                predator.add(RISKY[random.nextInt(RISKY.length)]);
                other.add("ok " + ORDINARY[random.nextInt(ORDINARY.length)]);
            }
            write(dir.resolve("train/pj/predators/predator_p" + c + ".txt"), predator);
            write(dir.resolve("train/pj/decoys/officer_p" + c + ".txt"), other);
        }
        List<String> irc = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            irc.add("[10:" + (i % 60) + "] <user" + (i % 7) + "> " + ORDINARY[random.nextInt(ORDINARY.length)]);
        }
        write(dir.resolve("train/negatives/ubuntu_irc/dev/2020-01-01.raw.txt"), irc);
        return dir;
    }

    private static final String[] RISKY_DE = {
        "wie alt bist du?", "sag es niemandem", "schick mir ein foto", "bist du allein zu hause?"
    };
    private static final String[] RISKY_NL = {
        "hoe oud ben je?", "zeg het tegen niemand", "stuur me een foto", "ben je alleen thuis?"
    };
    private static final String[] ORDINARY_DE = {"hast du die hausaufgaben", "das spiel war gut", "bis morgen"};
    private static final String[] ORDINARY_NL = {"heb je het huiswerk", "de wedstrijd was leuk", "tot morgen"};

    /** The corpus plus labelled segments in English, German and Dutch (rows of DE and NL are translations). */
    private static Path corpusWithLabelledSegments(Path dir) throws IOException {
        corpus(dir);
        Random random = new Random(2);
        List<String> en = new ArrayList<>(List.of("segment,label"));
        List<String> de = new ArrayList<>(List.of("segment,label"));
        List<String> nl = new ArrayList<>(List.of("segment,label"));
        for (int i = 0; i < 60; i++) {
            boolean positive = i % 4 == 0;
            StringBuilder e = new StringBuilder();
            StringBuilder d = new StringBuilder();
            StringBuilder n = new StringBuilder();
            for (int k = 0; k < 6; k++) {
                int r = random.nextInt(3);
                e.append(positive ? RISKY[r] : ORDINARY[r]).append(' ');
                d.append(positive ? RISKY_DE[r] : ORDINARY_DE[r]).append(' ');
                n.append(positive ? RISKY_NL[r] : ORDINARY_NL[r]).append(' ');
            }
            String label = positive ? "1" : "0";
            en.add("\"" + e.toString().strip() + "\"," + label);
            de.add("\"" + d.toString().strip() + "\"," + label);
            nl.add("\"" + n.toString().strip() + "\"," + label);
        }
        write(dir.resolve("dev/vtpan_en_dev.csv"), en);
        write(dir.resolve("dev/vtpan_de_dev.csv"), de);
        write(dir.resolve("dev/vtpan_nl_dev.csv"), nl);
        return dir;
    }

    private static byte[] train(Path data) throws IOException {
        TriageModel model = new TrainTriage(TrainingCorpus.Options.defaults(), LogisticTrainer.Settings.defaults(), 2)
                .run(data, new PrintStream(java.io.OutputStream.nullOutputStream()));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        model.write(bytes);
        return bytes.toByteArray();
    }

    @Test
    void trainingIsDeterministic(@TempDir Path dir) throws IOException {
        Path data = corpus(dir);
        assertThat(train(data)).isEqualTo(train(data));
    }

    @Test
    void trainingWithLabelledSegmentsIsDeterministicAndCalibratesEachLanguage(@TempDir Path dir) throws IOException {
        Path data = corpusWithLabelledSegments(dir);
        byte[] once = train(data);
        assertThat(train(data)).isEqualTo(once);
        TriageModel model = TriageModel.read(new ByteArrayInputStream(once));
        assertThat(model.layer(Language.DE)).isEqualTo(TriageModel.LayerKind.FULL);
        assertThat(model.layer(Language.NL)).isEqualTo(TriageModel.LayerKind.FULL);
        assertThat(model.layer(Language.FR)).isEqualTo(TriageModel.LayerKind.SIGNALS_ONLY);
        for (Language l : List.of(Language.EN, Language.DE, Language.NL)) {
            assertThat(model.levelPrecision(l, RiskLevel.HIGH)).as(l.name()).isPresent();
        }
        RiskScorer scorer = new RiskScorer(model);
        RiskScore risky = scorer.score(
                Conversation.ofLines(List.of("wie alt bist du?", "sag es niemandem")),
                java.util.Optional.of(Language.DE));
        RiskScore ordinary = scorer.score(
                Conversation.ofLines(List.of("das spiel war gut", "bis morgen")), java.util.Optional.of(Language.DE));
        assertThat(risky.score()).isGreaterThan(ordinary.score());
        assertThat(risky.threshold()).isEqualTo(model.highThreshold(Language.DE));
    }

    @Test
    void trainedModelSeparatesItsClassesAndRoundTrips(@TempDir Path dir) throws IOException {
        byte[] bytes = train(corpus(dir));
        TriageModel model = TriageModel.read(new ByteArrayInputStream(bytes));
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        model.write(again);
        assertThat(again.toByteArray()).isEqualTo(bytes);
        RiskScorer scorer = new RiskScorer(model);
        double risky = scorer.score(Conversation.ofLines(List.of("ur so mature", "send me a pic")))
                .score();
        double ordinary = scorer.score(Conversation.ofLines(List.of("try restarting the server", "lol")))
                .score();
        assertThat(risky).isGreaterThan(ordinary);
    }

    @Test
    void readRejectsOtherFiles() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TriageModel.read(
                        new ByteArrayInputStream("not a model at all".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("magic");
    }

    @Test
    void bundledModelIsCompactAndCalibrated() throws IOException {
        try (var in = TriageModel.class.getResourceAsStream("triage-model.bin")) {
            assertThat(in).isNotNull();
            assertThat(in.readAllBytes().length).isLessThan(5_000_000);
        }
        TriageModel model = TriageModel.bundled();
        assertThat(model.mediumThreshold()).isLessThanOrEqualTo(model.highThreshold());
        assertThat(model.highThreshold()).isBetween(0.0, 1.0);
        for (Language l : Language.values()) {
            for (RiskLevel level : List.of(RiskLevel.LOW, RiskLevel.MEDIUM, RiskLevel.HIGH)) {
                assertThat(model.levelPrecision(l, level)).as(l + " " + level).isPresent();
            }
            assertThat(model.levelPrecision(l, RiskLevel.HIGH).getAsDouble())
                    .isGreaterThan(model.levelPrecision(l, RiskLevel.LOW).getAsDouble());
        }
        RiskScore s = RiskScorer.standard()
                .score(Conversation.ofLines(List.of("hallo", "wie geht's")), java.util.Optional.of(Language.DE));
        assertThat(s.levelPrecision()).isEqualTo(model.levelPrecision(Language.DE, s.level()));
        assertThat(s.levelInTen()).isPresent();
    }
}
