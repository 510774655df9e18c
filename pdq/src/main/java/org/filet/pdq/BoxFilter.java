package org.filet.pdq;

/**
 * The reference 1-D box filter (PDQ.md §3: one float32 running sum, four phases, division by the number of
 * samples in the window) applied to {@code lanes} independent vectors stored interleaved: element p of lane r is
 * at {@code in[p * lanes + r]}. Each lane sees exactly the reference's sequence of operations.
 */
final class BoxFilter {

    private BoxFilter() {
    }

    /** Filters every position. {@code sums} is scratch of at least {@code lanes} floats. */
    static void lanes(float[] in, float[] out, int length, int lanes, int window, float[] sums) {
        lanesSampled(in, out, length, lanes, window, null, sums);
    }

    /**
     * Filters, writing position p to {@code out[p * lanes + r]} — or, when {@code samples} is given (ascending,
     * duplicates allowed), writing only positions {@code samples[k]}, to {@code out[k * lanes + r]}.
     */
    static void lanesSampled(float[] in, float[] out, int length, int lanes, int window, int[] samples,
                             float[] sums) {
        int half = (window + 2) / 2;
        int phase1 = half - 1;
        int phase2 = window - half + 1;
        int phase3 = length - window;
        int phase4 = half - 1;
        java.util.Arrays.fill(sums, 0, lanes, 0f);
        int ri = 0;
        int li = 0;
        int oi = 0;
        int count = 0;
        int next = 0;
        for (int n = 0; n < phase1; n++) {
            add(in, ri++ * lanes, sums, lanes);
            count++;
        }
        for (int n = 0; n < phase2; n++) {
            add(in, ri++ * lanes, sums, lanes);
            count++;
            next = write(sums, count, out, oi++, lanes, samples, next);
        }
        for (int n = 0; n < phase3; n++) {
            int a = ri++ * lanes;
            int b = li++ * lanes;
            for (int r = 0; r < lanes; r++) {
                float v = sums[r] + in[a + r];
                sums[r] = v - in[b + r];
            }
            next = write(sums, count, out, oi++, lanes, samples, next);
        }
        for (int n = 0; n < phase4; n++) {
            int b = li++ * lanes;
            for (int r = 0; r < lanes; r++) {
                sums[r] -= in[b + r];
            }
            count--;
            next = write(sums, count, out, oi++, lanes, samples, next);
        }
    }

    private static void add(float[] in, int a, float[] sums, int lanes) {
        for (int r = 0; r < lanes; r++) {
            sums[r] += in[a + r];
        }
    }

    private static int write(float[] sums, int count, float[] out, int position, int lanes, int[] samples, int next) {
        float c = count;
        if (samples == null) {
            int o = position * lanes;
            for (int r = 0; r < lanes; r++) {
                out[o + r] = sums[r] / c;
            }
            return next;
        }
        while (next < samples.length && samples[next] == position) {
            int o = next * lanes;
            for (int r = 0; r < lanes; r++) {
                out[o + r] = sums[r] / c;
            }
            next++;
        }
        return next;
    }
}
