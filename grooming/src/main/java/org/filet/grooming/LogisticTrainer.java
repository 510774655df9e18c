package org.filet.grooming;

import java.util.List;
import java.util.Random;

/**
 * Trains the logistic regression of {@link TriageModel} with AdaGrad and lazy L2 regularisation (applied to the
 * weights an example touches). Deterministic: one thread, examples visited in an order shuffled by a seeded
 * {@link Random}, so the same examples and settings give bit-identical weights.
 */
final class LogisticTrainer {

    /** One training example: sorted hashed features with their values, signal values, label and weight. */
    record Example(int[] features, float[] values, float[] signals, boolean positive, float weight) {}

    record Settings(long seed, int epochs, double learningRate, double l2) {
        static Settings defaults() {
            return new Settings(20121, 6, 0.1, 1e-6);
        }
    }

    private final Settings settings;

    LogisticTrainer(Settings settings) {
        this.settings = settings;
    }

    /** Builds an example from counted features (see {@link FeatureCounts} for the feature values). */
    static Example example(FeatureCounts counts, boolean positive, float weight) {
        int[][] f = new int[1][];
        float[][] v = new float[1][];
        counts.export(f, v);
        float[] s = new float[Signal.values().length];
        for (int i = 0; i < s.length; i++) {
            s[i] = (float) counts.signalValue(i);
        }
        return new Example(f[0], v[0], s, positive, weight);
    }

    /** Trains on {@code examples}; the returned model is uncalibrated (scale 1, shift 0, default thresholds). */
    TriageModel train(List<Example> examples) {
        double[] w = new double[FeatureHasher.SIZE];
        double[] g2 = new double[FeatureHasher.SIZE];
        int signals = Signal.values().length;
        double[] u = new double[signals];
        double[] ug2 = new double[signals];
        double bias = 0;
        double biasG2 = 0;
        double eta = settings.learningRate();
        double l2 = settings.l2();
        int[] order = new int[examples.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Random random = new Random(settings.seed());
        for (int epoch = 0; epoch < settings.epochs(); epoch++) {
            for (int i = order.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            for (int index : order) {
                Example e = examples.get(index);
                double z = bias;
                for (int k = 0; k < e.features().length; k++) {
                    z += w[e.features()[k]] * e.values()[k];
                }
                for (int s = 0; s < signals; s++) {
                    z += u[s] * e.signals()[s];
                }
                double p = 1 / (1 + Math.exp(-z));
                double g = (p - (e.positive() ? 1 : 0)) * e.weight();
                for (int k = 0; k < e.features().length; k++) {
                    int f = e.features()[k];
                    double grad = g * e.values()[k] + l2 * w[f];
                    g2[f] += grad * grad;
                    w[f] -= eta * grad / Math.sqrt(g2[f] + 1e-8);
                }
                for (int s = 0; s < signals; s++) {
                    if (e.signals()[s] != 0) {
                        double grad = g * e.signals()[s] + l2 * u[s];
                        ug2[s] += grad * grad;
                        u[s] -= eta * grad / Math.sqrt(ug2[s] + 1e-8);
                    }
                }
                biasG2 += g * g;
                bias -= eta * g / Math.sqrt(biasG2 + 1e-8);
            }
        }
        float[] weights = new float[w.length];
        for (int i = 0; i < w.length; i++) {
            weights[i] = (float) w[i];
        }
        float[] signalWeights = new float[signals];
        for (int s = 0; s < signals; s++) {
            signalWeights[s] = (float) u[s];
        }
        return new TriageModel(weights, signalWeights, (float) bias, 1, 0, 0.3f, 0.5f);
    }
}
