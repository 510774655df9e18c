package org.filet.grooming;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.filet.grooming.train.TrainingCorpus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the training method on the research data under ../shared (one bag instead of three, to keep it short) and
 * checks its cross-validated figures on the labelled VTPAN segments: each segment scored by a model that never saw
 * its fold, calibration and threshold fitted on the other folds. Skipped when the data is absent, except under
 * {@code CI=true}. About a minute on an idle core.
 */
class CrossValidationTest {

    private static Map<String, Double> figures;

    @BeforeAll
    static void train() throws Exception {
        Path data = SharedDataTest.data();
        SharedDataTest.labelled("dev/vtpan_de_dev.csv");
        SharedDataTest.labelled("dev/vtpan_nl_dev.csv");
        SharedDataTest.labelled("dev/vtpan_en_dev.csv");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new TrainTriage(TrainingCorpus.Options.defaults(), LogisticTrainer.Settings.defaults(), 1)
                .run(data, new PrintStream(out, true, StandardCharsets.UTF_8));
        figures = new HashMap<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            String[] f = line.trim().split(" ");
            if (f.length == 2 && f[0].startsWith("cv.")) {
                figures.put(f[0], Double.parseDouble(f[1]));
            }
        }
    }

    private static double figure(String name) {
        assertThat(figures).containsKey(name);
        return figures.get(name);
    }

    @Test
    void germanAndDutchReachTheirFloorCrossValidated() {
        assertThat(figure("cv.vtpan_de.f0.5")).as("German F0.5, 5-fold CV").isGreaterThanOrEqualTo(0.85);
        assertThat(figure("cv.vtpan_nl.f0.5")).as("Dutch F0.5, 5-fold CV").isGreaterThanOrEqualTo(0.85);
        assertThat(figure("cv.vtpan_de.tp") + figure("cv.vtpan_de.fn")).isEqualTo(64);
    }

    @Test
    void englishReachesItsFloorCrossValidated() {
        assertThat(figure("cv.vtpan_en.f0.5")).as("English F0.5, 5-fold CV").isGreaterThanOrEqualTo(0.93);
        assertThat(figure("cv.vtpan_en.tp") + figure("cv.vtpan_en.fn")).isEqualTo(95);
    }

    @Test
    void highLevelIsMostlyTrueCasesAndLowLevelRarely() {
        for (String lang : new String[] {"en", "de", "nl"}) {
            assertThat(figure("cv.vtpan_" + lang + ".level.high.precision"))
                    .as(lang)
                    .isGreaterThanOrEqualTo(0.8);
            assertThat(figure("cv.vtpan_" + lang + ".level.low.precision"))
                    .as(lang)
                    .isLessThanOrEqualTo(0.1);
        }
    }
}
