package org.filet.grooming;

import java.util.function.IntConsumer;

/**
 * Hashes normalised message text into feature indexes in {@code [0, 2^BITS)}: word unigrams, word bigrams and
 * character 3- and 4-grams (spaces included, so grams at word edges differ from grams inside words). The hash is
 * FNV-1a with a MurmurHash3 finaliser, seeded per feature kind; it is part of the model format, so changing it
 * requires retraining.
 */
public final class FeatureHasher {

    /** Number of index bits: the model has {@code 1 << BITS} hashed weights. */
    public static final int BITS = 18;

    public static final int SIZE = 1 << BITS;
    private static final int MASK = SIZE - 1;

    private static final int SEED_WORD = 0x2f1c_9a37;
    private static final int SEED_BIGRAM = 0x5bd1_e995;
    private static final int SEED_C3 = 0x1b87_3593;
    private static final int SEED_C4 = 0x6a09_e667;

    private FeatureHasher() {}

    /**
     * Feeds every feature index of one message to {@code sink}, in a fixed order (a feature occurring twice is fed
     * twice). Requires {@link ChatNormalizer} output.
     */
    public static void hash(String normalized, IntConsumer sink) {
        int n = normalized.length();
        int previousWord = 0;
        boolean havePrevious = false;
        int start = -1;
        for (int i = 0; i <= n; i++) {
            boolean space = i == n || normalized.charAt(i) == ' ';
            if (!space && start < 0) {
                start = i;
            } else if (space && start >= 0) {
                int h = SEED_WORD;
                for (int k = start; k < i; k++) {
                    h = (h ^ normalized.charAt(k)) * 0x0100_0193;
                }
                sink.accept(fmix(h) & MASK);
                if (havePrevious) {
                    sink.accept(fmix(previousWord * 0x9E37_79B1 + h + SEED_BIGRAM) & MASK);
                }
                previousWord = h;
                havePrevious = true;
                start = -1;
            }
        }
        for (int i = 0; i + 3 <= n; i++) {
            int h = SEED_C3;
            h = (h ^ normalized.charAt(i)) * 0x0100_0193;
            h = (h ^ normalized.charAt(i + 1)) * 0x0100_0193;
            h = (h ^ normalized.charAt(i + 2)) * 0x0100_0193;
            sink.accept(fmix(h) & MASK);
            if (i + 4 <= n) {
                int g = SEED_C4;
                g = (g ^ normalized.charAt(i)) * 0x0100_0193;
                g = (g ^ normalized.charAt(i + 1)) * 0x0100_0193;
                g = (g ^ normalized.charAt(i + 2)) * 0x0100_0193;
                g = (g ^ normalized.charAt(i + 3)) * 0x0100_0193;
                sink.accept(fmix(g) & MASK);
            }
        }
    }

    static int fmix(int h) {
        h ^= h >>> 16;
        h *= 0x85eb_ca6b;
        h ^= h >>> 13;
        h *= 0xc2b2_ae35;
        h ^= h >>> 16;
        return h;
    }
}
