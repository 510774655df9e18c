package org.filet.pdq.match;

import java.util.ArrayList;
import java.util.List;

/**
 * The slot layout of {@link MihIndex}: {@value #COUNT} disjoint slots of {@value #BITS} bits (bits 0..251; the top
 * 4 bits are not indexed), and for each search radius the per-slot probe radii.
 *
 * <p>Why it is complete (generalised pigeonhole, Qin et al. 2018): if the radii t<sub>s</sub> satisfy
 * Σ (t<sub>s</sub> + 1) ≥ D + 1, then any hash within distance D of the query differs by at most t<sub>s</sub> bits in
 * at least one slot s, since otherwise the slots alone would contribute ≥ D + 1 differing bits. For D = 31 the
 * radii are 2 on 8 slots and 1 on 4 (1,944 probes, about 9,000 candidates at 10 M random entries), against
 * 272 probes but about 41,500 candidates for the classic 16 × 16-bit multi-index hashing.
 */
final class Slots {

    static final int COUNT = 12;
    static final int BITS = 21;
    static final int VALUES = 1 << BITS;
    static final int MASK = VALUES - 1;
    /** Largest per-slot radius served by the index; larger searches fall back to a scan. */
    static final int MAX_RADIUS = 3;

    private static final int[][] FLIPS = new int[MAX_RADIUS + 1][];

    static {
        for (int t = 0; t <= MAX_RADIUS; t++) {
            List<Integer> masks = new ArrayList<>();
            collect(0, 0, t, masks);
            FLIPS[t] = masks.stream().mapToInt(Integer::intValue).toArray();
        }
    }

    private Slots() {
    }

    private static void collect(int start, int mask, int remaining, List<Integer> out) {
        out.add(mask);
        if (remaining == 0) {
            return;
        }
        for (int b = start; b < BITS; b++) {
            collect(b + 1, mask | (1 << b), remaining - 1, out);
        }
    }

    /** Value of slot {@code s} (bits 21s .. 21s+20) of the hash at {@code words[p .. p+3]}. */
    static int value(long[] words, int p, int s) {
        int bit = s * BITS;
        int w = bit >>> 6;
        int off = bit & 63;
        long v = words[p + w] >>> off;
        if (off + BITS > 64) {
            v |= words[p + w + 1] << (64 - off);
        }
        return (int) v & MASK;
    }

    /** Slot values of a hash given as four words. */
    static void values(long w0, long w1, long w2, long w3, int[] out) {
        long[] words = {w0, w1, w2, w3};
        for (int s = 0; s < COUNT; s++) {
            out[s] = value(words, 0, s);
        }
    }

    /** Per-slot radii for a search radius: Σ(t+1) = d+1, spread evenly (−1 = slot not probed); null if too wide. */
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

    /** XOR masks with at most {@code t} bits set, the empty mask first. */
    static int[] flips(int t) {
        return FLIPS[t];
    }
}
