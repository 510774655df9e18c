package org.filet.grooming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.filet.conversation.Conversation;
import org.filet.grooming.train.FrenchTeenChats;
import org.filet.grooming.train.TrainingCorpus;
import org.junit.jupiter.api.Test;

/**
 * Regression guards for the bundled model on the research data under ../shared (skipped when absent, except under
 * {@code CI=true}, where the data must be there).
 */
class SharedDataTest {

    static Path data() {
        Path dir = Path.of(System.getProperty("filet.repo.root", "."), "..", "shared", "data", "grooming");
        if ("true".equals(System.getenv("CI"))) {
            assertThat(dir).as("research data (CI=true)").isDirectory();
        }
        assumeTrue(Files.isDirectory(dir), "research data not found at " + dir + ": skipping");
        return dir;
    }

    static Path labelled(String relative) {
        Path csv = data().resolve(relative);
        if ("true".equals(System.getenv("CI"))) {
            assertThat(csv).as(relative + " (CI=true)").exists();
        }
        assumeTrue(Files.exists(csv), relative + " absent: skipping");
        return csv;
    }

    @Test
    void bundledModelKeepsItsEnglishDevFigure() throws Exception {
        Path csv = labelled("dev/vtpan_en_dev.csv");
        Confusion c =
                new EvalTriage(TriageModel.bundled()).evaluate(EvalTriage.load(csv, null), Optional.empty(), false);
        assertThat(c.tp() + c.fn()).isEqualTo(95);
        assertThat(c.fBeta(0.5)).as("F0.5 on VTPAN dev").isGreaterThanOrEqualTo(0.90);
    }

    /**
     * In-sample guard only (the bundled model was trained on these segments; the cross-validated figures are in
     * {@link CrossValidationTest} and the model card): eval-triage with --lang de and --lang nl keeps them.
     */
    @Test
    void bundledModelKeepsItsGermanAndDutchDevFigures() throws Exception {
        for (String lang : List.of("de", "nl")) {
            Path csv = labelled("dev/vtpan_" + lang + "_dev.csv");
            Confusion c = new EvalTriage(TriageModel.bundled())
                    .evaluate(EvalTriage.load(csv, null), Optional.of(Language.ofCode(lang)), false);
            assertThat(c.tp() + c.fn()).isEqualTo(64);
            assertThat(c.fBeta(0.5))
                    .as("F0.5 on VTPAN " + lang + " dev (in-sample)")
                    .isGreaterThanOrEqualTo(0.85);
        }
    }

    @Test
    void heldOutFrenchTeenChatsRaiseFewModelAlerts() throws Exception {
        List<Path> files = TrainingCorpus.frenchScenarios(data());
        if ("true".equals(System.getenv("CI"))) {
            assertThat(files).as("French negatives (CI=true)").isNotEmpty();
        }
        assumeTrue(!files.isEmpty(), "French negatives absent: skipping");
        RiskScorer scorer = RiskScorer.standard();
        int windows = 0;
        int alerts = 0;
        int conversations = 0;
        int conversationAlerts = 0;
        for (int i = 1; i < files.size(); i += 2) {
            List<String> texts = FrenchTeenChats.texts(files.get(i));
            conversations++;
            conversationAlerts += scorer.score(Conversation.ofLines(texts), Optional.of(Language.FR))
                            .modelAlert()
                    ? 1
                    : 0;
            for (int start = 0; start < texts.size(); start += 20) {
                RiskScore s = scorer.score(
                        Conversation.ofLines(texts.subList(start, Math.min(texts.size(), start + 20))),
                        Optional.of(Language.FR));
                windows++;
                alerts += s.modelAlert() ? 1 : 0;
            }
        }
        assertThat(windows).isPositive();
        assertThat((double) alerts / windows)
                .as("model false-positive rate, windows")
                .isLessThanOrEqualTo(0.03);
        assertThat((double) conversationAlerts / conversations)
                .as("model false-positive rate, conversations")
                .isLessThanOrEqualTo(0.03);
    }
}
