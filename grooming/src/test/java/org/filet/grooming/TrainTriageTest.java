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
import org.filet.grooming.train.TrainingCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trains on a tiny synthetic corpus in the research-data layout (mild phrases written for this test). */
class TrainTriageTest {

  private static final String[] RISKY = {"how old r u?", "ur so mature", "don't tell your parents",
      "send me a pic", "are you home alone?", "add me on snap", "we should meet up", "you can trust me"};
  private static final String[] ORDINARY = {"did you fix the build?", "try restarting the server", "lol",
      "which kernel version?", "the package is broken", "thanks that worked", "anyone here use vim?", "brb"};

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
  void trainedModelSeparatesItsClassesAndRoundTrips(@TempDir Path dir) throws IOException {
    byte[] bytes = train(corpus(dir));
    TriageModel model = TriageModel.read(new ByteArrayInputStream(bytes));
    ByteArrayOutputStream again = new ByteArrayOutputStream();
    model.write(again);
    assertThat(again.toByteArray()).isEqualTo(bytes);
    RiskScorer scorer = new RiskScorer(model);
    double risky = scorer.score(Conversation.ofLines("r", List.of("ur so mature", "send me a pic"))).score();
    double ordinary = scorer.score(Conversation.ofLines("o", List.of("try restarting the server", "lol"))).score();
    assertThat(risky).isGreaterThan(ordinary);
  }

  @Test
  void readRejectsOtherFiles() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
        () -> TriageModel.read(new ByteArrayInputStream("not a model at all".getBytes(StandardCharsets.UTF_8))))
        .isInstanceOf(IOException.class).hasMessageContaining("magic");
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
  }
}
