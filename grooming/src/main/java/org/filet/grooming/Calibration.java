package org.filet.grooming;

import java.util.Arrays;

/**
 * Platt scaling (a logistic fit of labels on linear scores, by Newton's method) and the choice of an operating
 * threshold that maximises F-beta on labelled scores.
 */
final class Calibration {

    private Calibration() {}

    /**
     * {@code {scale, shift}} minimising the log loss of sigmoid(scale * z + shift) against Platt's smoothed targets;
     * Newton steps with step halving, so the loss never increases.
     */
    static double[] platt(double[] z, boolean[] positive) {
        long pos = 0;
        for (boolean p : positive) {
            pos += p ? 1 : 0;
        }
        long neg = positive.length - pos;
        double hi = (pos + 1.0) / (pos + 2.0);
        double lo = 1.0 / (neg + 2.0);
        double[] t = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            t[i] = positive[i] ? hi : lo;
        }
        double a = 1;
        double b = 0;
        double loss = loss(z, t, a, b);
        for (int iter = 0; iter < 100; iter++) {
            double ga = 0;
            double gb = 0;
            double haa = 1e-12;
            double hab = 0;
            double hbb = 1e-12;
            for (int i = 0; i < z.length; i++) {
                double p = sigmoid(a * z[i] + b);
                double d = p - t[i];
                double w = p * (1 - p);
                ga += d * z[i];
                gb += d;
                haa += w * z[i] * z[i];
                hab += w * z[i];
                hbb += w;
            }
            double det = haa * hbb - hab * hab;
            if (!(det > 0)) {
                break;
            }
            double da = (hbb * ga - hab * gb) / det;
            double db = (haa * gb - hab * ga) / det;
            double step = 1;
            double next = loss(z, t, a - da, b - db);
            while (next > loss && step > 1e-8) {
                step /= 2;
                next = loss(z, t, a - step * da, b - step * db);
            }
            if (next > loss) {
                break;
            }
            a -= step * da;
            b -= step * db;
            boolean converged = loss - next < 1e-12;
            loss = next;
            if (converged) {
                break;
            }
        }
        return new double[] {a, b};
    }

    private static double loss(double[] z, double[] t, double a, double b) {
        double sum = 0;
        for (int i = 0; i < z.length; i++) {
            double f = a * z[i] + b;
            double logP = -Math.log1p(Math.exp(-f));
            double log1mP = -Math.log1p(Math.exp(f));
            if (Double.isInfinite(logP)) {
                logP = f;
            }
            if (Double.isInfinite(log1mP)) {
                log1mP = -f;
            }
            sum -= t[i] * logP + (1 - t[i]) * log1mP;
        }
        return sum;
    }

    static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    /** The threshold on {@code scores} maximising F-beta (midway between neighbouring scores). */
    static double bestThreshold(double[] scores, boolean[] positive, double beta) {
        double[] sorted = scores.clone();
        Arrays.sort(sorted);
        double best = -1;
        double bestThreshold = 0.5;
        for (int i = 0; i < sorted.length; i++) {
            double t = i == 0 ? sorted[0] : (sorted[i - 1] + sorted[i]) / 2;
            double f = confusion(scores, positive, t).fBeta(beta);
            if (f > best) {
                best = f;
                bestThreshold = t;
            }
        }
        return bestThreshold;
    }

    static Confusion confusion(double[] scores, boolean[] positive, double threshold) {
        boolean[] predicted = new boolean[scores.length];
        for (int i = 0; i < scores.length; i++) {
            predicted[i] = scores[i] >= threshold;
        }
        return Confusion.of(predicted, positive);
    }
}
