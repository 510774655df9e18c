package org.filet.grooming;

import java.util.Arrays;

/**
 * Counts of hashed features and signals over a growing prefix of a conversation, with the model's linear score
 * kept up to date in O(1) per feature.
 *
 * <p>The feature vector is: each hashed feature's value is {@code sqrt(count)} divided by the L2 norm of all such
 * values (which is {@code sqrt(total count)}), but never by less than {@code sqrt(}{@value #NORM_FLOOR}{@code )}
 * (about a few short messages), so a chat of two words does not get the weight of a long one; each signal's value
 * is {@code log(1 + messages carrying it)}.
 * Keys live in an open-addressing table ({@code -1} = empty), as in Agrona's primitive maps. Not thread-safe.
 */
final class FeatureCounts {

    private static final int EMPTY = -1;

    /** The smallest total count the hashed values are normalised by (see the class comment). */
    static final int NORM_FLOOR = 400;

    private static final double[] SQRT = new double[4096];

    static {
        for (int i = 0; i < SQRT.length; i++) {
            SQRT[i] = Math.sqrt(i);
        }
    }

    private final float[] weights;
    private int[] keys = new int[256];
    private int[] counts = new int[256];
    private int size;
    private long total;
    private double dot;
    private final int[] signalMessages = new int[Signal.values().length];

    /** Counts that also keep the dot product with {@code weights} (may be null when only counting). */
    FeatureCounts(float[] weights) {
        this.weights = weights;
        Arrays.fill(keys, EMPTY);
    }

    void add(int feature) {
        int mask = keys.length - 1;
        int slot = FeatureHasher.fmix(feature) & mask;
        while (true) {
            int key = keys[slot];
            if (key == feature) {
                break;
            }
            if (key == EMPTY) {
                keys[slot] = feature;
                counts[slot] = 0;
                if (++size * 2 > keys.length) {
                    grow();
                    slot = find(feature);
                }
                break;
            }
            slot = (slot + 1) & mask;
        }
        int c = counts[slot]++;
        total++;
        if (weights != null) {
            dot += weights[feature] * (sqrt(c + 1) - sqrt(c));
        }
    }

    void addSignals(long mask) {
        while (mask != 0) {
            int s = Long.numberOfTrailingZeros(mask);
            signalMessages[s]++;
            mask &= mask - 1;
        }
    }

    /** The hashed part of the linear score: sum of weight times feature value. */
    double hashedScore() {
        return total == 0 ? 0 : dot / Math.sqrt(Math.max(total, NORM_FLOOR));
    }

    /** Number of hashed features added so far (with repeats). */
    long total() {
        return total;
    }

    double signalValue(int signal) {
        return Math.log1p(signalMessages[signal]);
    }

    int signalMessages(int signal) {
        return signalMessages[signal];
    }

    /** The distinct features and their normalised values, sorted by feature (for training). */
    void export(int[][] featuresOut, float[][] valuesOut) {
        int[] f = new int[size];
        int k = 0;
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != EMPTY) {
                f[k++] = keys[i];
            }
        }
        Arrays.sort(f);
        float[] v = new float[size];
        double norm = Math.sqrt(Math.max(total, NORM_FLOOR));
        for (int i = 0; i < f.length; i++) {
            v[i] = (float) (sqrt(counts[find(f[i])]) / norm);
        }
        featuresOut[0] = f;
        valuesOut[0] = v;
    }

    private int find(int feature) {
        int mask = keys.length - 1;
        int slot = FeatureHasher.fmix(feature) & mask;
        while (keys[slot] != feature) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void grow() {
        int[] oldKeys = keys;
        int[] oldCounts = counts;
        keys = new int[oldKeys.length * 2];
        counts = new int[oldKeys.length * 2];
        Arrays.fill(keys, EMPTY);
        int mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                int slot = FeatureHasher.fmix(oldKeys[i]) & mask;
                while (keys[slot] != EMPTY) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = oldKeys[i];
                counts[slot] = oldCounts[i];
            }
        }
    }

    private static double sqrt(int c) {
        return c < SQRT.length ? SQRT[c] : Math.sqrt(c);
    }
}
