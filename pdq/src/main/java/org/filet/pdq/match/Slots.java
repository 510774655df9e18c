package org.filet.pdq.match;

import java.util.ArrayList;
import java.util.List;

/**
 * The slot layout of {@link MihIndex}: {@value #COUNT} disjoint slots covering all 256 bits, the first 8 of
 * {@value #WIDE} bits and the last 4 of {@value #NARROW}, and for each search radius the per-slot probe radii.
 *
 * <p>Why it is complete (generalised pigeonhole, Qin et al. 2018): if the radii t<sub>s</sub> satisfy
 * Σ (t<sub>s</sub> + 1) ≥ D + 1, then any hash within distance D of the query differs by at most t<sub>s</sub> bits in
 * at least one slot s, since otherwise the slots alone would contribute ≥ D + 1 differing bits. For D = 31 the
 * radii are 2 on the 8 wide slots and 1 on the 4 narrow ones: 2,116 probes and about 5,600 candidates at 10 M random
 * entries, against 272 probes but about 41,500 candidates for the classic 16 × 16-bit multi-index hashing.
 * Wide slots take the larger radius because it multiplies their probe count: more bits keep their buckets small.
 */
final class Slots {

    static final int COUNT = 12;
    static final int WIDE = 22;
    static final int NARROW = 20;
    /** Largest per-slot radius served by the index; larger searches fall back to a scan. */
    static final int MAX_RADIUS = 3;

    private static final int[] START = new int[COUNT];
    private static final int[] WIDTH = new int[COUNT];
    private static final int[][][] FLIPS = new int[WIDE + 1][][];

    static {
        int bit = 0;
        for (int s = 0; s < COUNT; s++) {
            START[s] = bit;
            WIDTH[s] = s < 8 ? WIDE : NARROW;
            bit += WIDTH[s];
        }
        if (bit != 256) {
            throw new AssertionError("slots cover " + bit + " bits");
        }
        for (int width : new int[] {WIDE, NARROW}) {
            FLIPS[width] = new int[MAX_RADIUS + 1][];
            for (int t = 0; t <= MAX_RADIUS; t++) {
                List<Integer> masks = new ArrayList<>();
                collect(0, 0, t, width, masks);
                FLIPS[width][t] = masks.stream().mapToInt(Integer::intValue).toArray();
            }
        }
    }

    private Slots() {}

    private static void collect(int start, int mask, int remaining, int width, List<Integer> out) {
        out.add(mask);
        if (remaining == 0) {
            return;
        }
        for (int b = start; b < width; b++) {
            collect(b + 1, mask | (1 << b), remaining - 1, width, out);
        }
    }

    /** Number of bits of slot {@code s}. */
    static int width(int s) {
        return WIDTH[s];
    }

    /** Number of distinct values of slot {@code s}. */
    static int values(int s) {
        return 1 << WIDTH[s];
    }

    /** Value of slot {@code s} of the hash at {@code words[p .. p+3]}. */
    static int value(long[] words, int p, int s) {
        int bit = START[s];
        int width = WIDTH[s];
        int w = bit >>> 6;
        int off = bit & 63;
        long v = words[p + w] >>> off;
        if (off + width > 64) {
            v |= words[p + w + 1] << (64 - off);
        }
        return (int) v & ((1 << width) - 1);
    }

    /** Slot values of a hash given as four words. */
    static void values(long w0, long w1, long w2, long w3, int[] out) {
        long[] words = {w0, w1, w2, w3};
        for (int s = 0; s < COUNT; s++) {
            out[s] = value(words, 0, s);
        }
    }

    /**
     * Per-slot radii for a search radius: Σ(t+1) = d+1, the larger radii on the wide slots (−1 = slot not probed);
     * null when some radius would exceed {@link #MAX_RADIUS}.
     */
    static int[] radii(int maxDistance) {
        int need = maxDistance + 1;
        int base = need / COUNT;
        int extra = need % COUNT;
        int[] t = new int[COUNT];
        for (int s = 0; s < COUNT; s++) {
            t[s] = base - 1 + (s < extra ? 1 : 0);
            if (t[s] > MAX_RADIUS) {
                return null;
            }
        }
        return t;
    }

    /** XOR masks over slot {@code s}'s bits with at most {@code t} bits set, the empty mask first. */
    static int[] flips(int s, int t) {
        return FLIPS[WIDTH[s]][t];
    }
}
