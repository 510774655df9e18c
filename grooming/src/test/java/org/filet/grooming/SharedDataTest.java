package org.filet.grooming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.filet.grooming.train.FrenchTeenChats;
import org.filet.grooming.train.TrainingCorpus;
import org.junit.jupiter.api.Test;

/** Regression guards for the bundled model on the research data under ../shared (skipped when absent). */
class SharedDataTest {

  private static Path data() {
    Path dir = Path.of(System.getProperty("filet.repo.root", "."), "..", "shared", "data", "grooming");
    assumeTrue(Files.isDirectory(dir), "research data not found at " + dir + ": skipping");
    return dir;
  }

  @Test
  void bundledModelKeepsItsEnglishDevFigure() throws Exception {
    Path csv = data().resolve("dev/vtpan_en_dev.csv");
    assumeTrue(Files.exists(csv), "dev/vtpan_en_dev.csv absent: skipping");
    Confusion c = new EvalTriage(TriageModel.bundled()).evaluate(EvalTriage.load(csv, null), Optional.empty(), false);
    assertThat(c.tp() + c.fn()).isEqualTo(95);
    assertThat(c.fBeta(0.5)).as("F0.5 on VTPAN dev").isGreaterThanOrEqualTo(0.90);
  }

  @Test
  void heldOutFrenchTeenChatsRaiseFewModelAlerts() throws Exception {
    List<Path> files = TrainingCorpus.frenchScenarios(data());
    assumeTrue(!files.isEmpty(), "French negatives absent: skipping");
    RiskScorer scorer = RiskScorer.standard();
    int windows = 0;
    int alerts = 0;
    int conversations = 0;
    int conversationAlerts = 0;
    for (int i = 1; i < files.size(); i += 2) {
      List<String> texts = FrenchTeenChats.texts(files.get(i));
      conversations++;
      conversationAlerts += scorer.score(Conversation.ofLines("c", texts), Optional.of(Language.FR)).modelAlert() ? 1 : 0;
      for (int start = 0; start < texts.size(); start += 20) {
        RiskScore s = scorer.score(Conversation.ofLines("w", texts.subList(start, Math.min(texts.size(), start + 20))),
            Optional.of(Language.FR));
        windows++;
        alerts += s.modelAlert() ? 1 : 0;
      }
    }
    assertThat(windows).isPositive();
    assertThat((double) alerts / windows).as("model false-positive rate, windows").isLessThanOrEqualTo(0.03);
    assertThat((double) conversationAlerts / conversations).as("model false-positive rate, conversations")
        .isLessThanOrEqualTo(0.03);
  }
}
