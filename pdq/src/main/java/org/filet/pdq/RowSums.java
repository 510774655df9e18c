package org.filet.pdq;

/**
 * Row box filter split in two so that both halves run fast while staying bit-exact:
 * <ol>
 *   <li>{@link #rawSums8}: the reference's running float32 sum (PDQ.md §3: same adds and subtracts in the same
 *       order), stored undivided, for 8 rows at once so the 8 dependency chains overlap;</li>
 *   <li>{@link #divide}: each stored sum divided by its window count, in a loop the JIT vectorises.</li>
 * </ol>
 * Dividing a stored sum later gives the same float as dividing it on the spot.
 */
final class RowSums {

    private RowSums() {}

    /** Samples in the window at position {@code i} of a vector of {@code length}: what the reference divides by. */
    static int count(int i, int length, int window) {
        int half = (window + 2) / 2;
        int right = Math.min(length - 1, i + half - 1);
        int left = Math.max(0, i - (window - half));
        return right - left + 1;
    }

    /**
     * Undivided running sums of 8 rows: {@code out[k][i]} receives the running sum at position i of {@code in[k]}.
     * The 8 chains are independent, so their float latencies overlap; rows are separate arrays (no offsets),
     * which keeps the JIT's loops simple.
     */
    static void rawSums8(float[][] in, float[][] out, int length, int window) {
        // the rows are passed as separate parameters: loading them from the float[][] inside the hot loop's
        // method made C2's code twice as slow with heaps under 4 GB (unscaled compressed oops), measured on JDK 17
        rawSums8(
                in[0], in[1], in[2], in[3], in[4], in[5], in[6], in[7], out[0], out[1], out[2], out[3], out[4], out[5],
                out[6], out[7], length, window);
    }

    private static void rawSums8(
            float[] i0,
            float[] i1,
            float[] i2,
            float[] i3,
            float[] i4,
            float[] i5,
            float[] i6,
            float[] i7,
            float[] o0,
            float[] o1,
            float[] o2,
            float[] o3,
            float[] o4,
            float[] o5,
            float[] o6,
            float[] o7,
            int length,
            int window) {
        int half = (window + 2) / 2;
        int lead = half - 1;
        int trail = window - half + 1;
        float s0 = 0f;
        float s1 = 0f;
        float s2 = 0f;
        float s3 = 0f;
        float s4 = 0f;
        float s5 = 0f;
        float s6 = 0f;
        float s7 = 0f;
        for (int k = 0; k < lead; k++) {
            s0 += i0[k];
            s1 += i1[k];
            s2 += i2[k];
            s3 += i3[k];
            s4 += i4[k];
            s5 += i5[k];
            s6 += i6[k];
            s7 += i7[k];
        }
        int oi = 0;
        for (; oi < trail; oi++) {
            int r = oi + lead;
            s0 += i0[r];
            s1 += i1[r];
            s2 += i2[r];
            s3 += i3[r];
            s4 += i4[r];
            s5 += i5[r];
            s6 += i6[r];
            s7 += i7[r];
            o0[oi] = s0;
            o1[oi] = s1;
            o2[oi] = s2;
            o3[oi] = s3;
            o4[oi] = s4;
            o5[oi] = s5;
            o6[oi] = s6;
            o7[oi] = s7;
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
            s4 += i4[r];
            s4 -= i4[l];
            s5 += i5[r];
            s5 -= i5[l];
            s6 += i6[r];
            s6 -= i6[l];
            s7 += i7[r];
            s7 -= i7[l];
            o0[oi] = s0;
            o1[oi] = s1;
            o2[oi] = s2;
            o3[oi] = s3;
            o4[oi] = s4;
            o5[oi] = s5;
            o6[oi] = s6;
            o7[oi] = s7;
        }
        for (; oi < length; oi++) {
            int l = oi - trail;
            s0 -= i0[l];
            s1 -= i1[l];
            s2 -= i2[l];
            s3 -= i3[l];
            s4 -= i4[l];
            s5 -= i5[l];
            s6 -= i6[l];
            s7 -= i7[l];
            o0[oi] = s0;
            o1[oi] = s1;
            o2[oi] = s2;
            o3[oi] = s3;
            o4[oi] = s4;
            o5[oi] = s5;
            o6[oi] = s6;
            o7[oi] = s7;
        }
    }

    /** {@code s[x] += a[x]} (pass 2 entering row). */
    static void add(float[] s, float[] a, int w) {
        for (int x = 0; x < w; x++) {
            s[x] += a[x];
        }
    }

    /** {@code s[x] = (s[x] + a[x]) - b[x]}: add the entering row, then subtract the leaving one, as the reference. */
    static void addSub(float[] s, float[] a, float[] b, int w) {
        for (int x = 0; x < w; x++) {
            s[x] = (s[x] + a[x]) - b[x];
        }
    }

    /** {@code s[x] -= b[x]} (pass 2 leaving row). */
    static void sub(float[] s, float[] b, int w) {
        for (int x = 0; x < w; x++) {
            s[x] -= b[x];
        }
    }

    /** {@code out[x] = s[x] / count}. */
    static void divideAll(float[] s, float[] out, int w, int count) {
        float c = count;
        for (int x = 0; x < w; x++) {
            out[x] = s[x] / c;
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
