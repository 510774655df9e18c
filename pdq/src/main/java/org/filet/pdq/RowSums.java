package org.filet.pdq;

/**
 * Row box filter split in two so that both halves run fast while staying bit-exact:
 * <ol>
 *   <li>{@link #rawSums4}: the reference's running float32 sum (PDQ.md §3: same adds and subtracts in the same
 *       order), stored undivided, for 4 rows at once so the 4 dependency chains overlap;</li>
 *   <li>{@link #divide}: each stored sum divided by its window count, in a loop the JIT vectorises.</li>
 * </ol>
 * Dividing a stored sum later gives the same float as dividing it on the spot.
 */
final class RowSums {

    private RowSums() {
    }

    /** Samples in the window at position {@code i} of a vector of {@code length}: what the reference divides by. */
    static int count(int i, int length, int window) {
        int half = (window + 2) / 2;
        int right = Math.min(length - 1, i + half - 1);
        int left = Math.max(0, i - (window - half));
        return right - left + 1;
    }

    /**
     * Undivided running sums of 4 rows: {@code ok[i]} receives the running sum at position i of {@code ik}.
     * Separate arrays (no offsets) keep the JIT's loops simple.
     */
    static void rawSums4(float[] i0, float[] i1, float[] i2, float[] i3, float[] o0, float[] o1, float[] o2,
                         float[] o3, int length, int window) {
        int half = (window + 2) / 2;
        int lead = half - 1;
        int trail = window - half + 1;
        float s0 = 0f;
        float s1 = 0f;
        float s2 = 0f;
        float s3 = 0f;
        for (int k = 0; k < lead; k++) {
            s0 += i0[k];
            s1 += i1[k];
            s2 += i2[k];
            s3 += i3[k];
        }
        int oi = 0;
        for (; oi < trail; oi++) {
            int r = oi + lead;
            s0 += i0[r];
            s1 += i1[r];
            s2 += i2[r];
            s3 += i3[r];
            o0[oi] = s0;
            o1[oi] = s1;
            o2[oi] = s2;
            o3[oi] = s3;
        }
        int steadyEnd = length - lead;
        for (; oi < steadyEnd; oi++) {
            int r = oi + lead;
            int l = oi - trail;
            s0 += i0[r];
            s0 -= i0[l];
            s1 += i1[r];
            s1 -= i1[l];
            s2 += i2[r];
            s2 -= i2[l];
            s3 += i3[r];
            s3 -= i3[l];
            o0[oi] = s0;
            o1[oi] = s1;
            o2[oi] = s2;
            o3[oi] = s3;
        }
        for (; oi < length; oi++) {
            int l = oi - trail;
            s0 -= i0[l];
            s1 -= i1[l];
            s2 -= i2[l];
            s3 -= i3[l];
            o0[oi] = s0;
            o1[oi] = s1;
            o2[oi] = s2;
            o3[oi] = s3;
        }
    }

    /** Divides {@code sums[0 .. length)} by their window counts into {@code out[0 .. length)}. */
    static void divide(float[] sums, float[] out, int length, int window) {
        int half = (window + 2) / 2;
        int trail = window - half + 1;
        int steadyEnd = length - (half - 1);
        int i = 0;
        for (; i < trail; i++) {
            out[i] = sums[i] / count(i, length, window);
        }
        float w = window;
        for (; i < steadyEnd; i++) {
            out[i] = sums[i] / w;
        }
        for (; i < length; i++) {
            out[i] = sums[i] / count(i, length, window);
        }
    }
}
