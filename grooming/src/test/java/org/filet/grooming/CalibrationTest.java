package org.filet.grooming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class CalibrationTest {

    @Test
    void confusionFiguresFollowTheirDefinitions() {
        Confusion c = new Confusion(8, 2, 85, 5);
        assertThat(c.precision()).isCloseTo(0.8, within(1e-12));
        assertThat(c.recall()).isCloseTo(8.0 / 13, within(1e-12));
        double p = 0.8;
        double r = 8.0 / 13;
        assertThat(c.fBeta(0.5)).isCloseTo(1.25 * p * r / (0.25 * p + r), within(1e-12));
        assertThat(c.fBeta(1)).isCloseTo(2 * p * r / (p + r), within(1e-12));
        assertThat(c.falsePositiveRate()).isCloseTo(2.0 / 87, within(1e-12));
    }

    @Test
    void plattRecoversAKnownLogisticRelation() {
        Random random = new Random(3);
        int n = 20000;
        double[] z = new double[n];
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            z[i] = random.nextGaussian() * 3;
            y[i] = random.nextDouble() < 1 / (1 + Math.exp(-(0.5 * z[i] - 1)));
        }
        double[] ab = Calibration.platt(z, y);
        assertThat(ab[0]).isCloseTo(0.5, within(0.05));
        assertThat(ab[1]).isCloseTo(-1, within(0.1));
    }

    @Test
    void plattStaysFiniteOnSeparableScores() {
        double[] z = {-3, -2, -1, 1, 2, 3};
        boolean[] y = {false, false, false, true, true, true};
        double[] ab = Calibration.platt(z, y);
        assertThat(Double.isFinite(ab[0]) && Double.isFinite(ab[1])).isTrue();
        assertThat(ab[0]).isPositive();
    }

    @Test
    void bestThresholdIsAtLeastAsGoodAsEveryCandidate() {
        Random random = new Random(5);
        double[] s = new double[300];
        boolean[] y = new boolean[300];
        for (int i = 0; i < s.length; i++) {
            y[i] = random.nextDouble() < 0.2;
            s[i] = random.nextDouble() + (y[i] ? 0.4 : 0);
        }
        double best = Calibration.bestThreshold(s, y, 0.5);
        double bestF = Calibration.confusion(s, y, best).fBeta(0.5);
        for (double t = 0; t <= 1.4; t += 0.001) {
            assertThat(Calibration.confusion(s, y, t).fBeta(0.5)).isLessThanOrEqualTo(bestF + 1e-12);
        }
    }
}
