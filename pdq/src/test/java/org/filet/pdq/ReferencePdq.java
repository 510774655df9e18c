package org.filet.pdq;

/**
 * A direct, unoptimised transcription of PDQ.md §3–§4 (two full-size buffers, four strided 1-D box passes, then
 * decimation), used to check the optimised {@link Downsampler}.
 */
final class ReferencePdq {

    private ReferencePdq() {}

    static float[] downsample(float[] luma, int rows, int cols) {
        float[] a = luma.clone();
        float[] b = new float[a.length];
        int wr = (cols + 127) / 128;
        int wc = (rows + 127) / 128;
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < rows; i++) {
                box(a, i * cols, b, i * cols, cols, 1, wr);
            }
            for (int j = 0; j < cols; j++) {
                box(b, j, a, j, rows, cols, wc);
            }
        }
        float[] out = new float[64 * 64];
        for (int i = 0; i < 64; i++) {
            int ii = (int) (((i + 0.5) * rows) / 64);
            for (int j = 0; j < 64; j++) {
                int jj = (int) (((j + 0.5) * cols) / 64);
                out[i * 64 + j] = a[ii * cols + jj];
            }
        }
        return out;
    }

    static void box(float[] in, int inStart, float[] out, int outStart, int length, int stride, int window) {
        int half = (window + 2) / 2;
        int li = 0;
        int ri = 0;
        int oi = 0;
        float sum = 0f;
        int n = 0;
        for (int i = 0; i < half - 1; i++) {
            sum += in[inStart + ri];
            n++;
            ri += stride;
        }
        for (int i = 0; i < window - half + 1; i++) {
            sum += in[inStart + ri];
            n++;
            out[outStart + oi] = sum / n;
            ri += stride;
            oi += stride;
        }
        for (int i = 0; i < length - window; i++) {
            sum += in[inStart + ri];
            sum -= in[inStart + li];
            out[outStart + oi] = sum / n;
            li += stride;
            ri += stride;
            oi += stride;
        }
        for (int i = 0; i < half - 1; i++) {
            sum -= in[inStart + li];
            n--;
            out[outStart + oi] = sum / n;
            li += stride;
            oi += stride;
        }
    }

    /** Torben's median selection as described in the reference (rank 128 of 256). */
    static float torben(float[] m) {
        int n = m.length;
        float min = m[0];
        float max = m[0];
        for (float v : m) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        int half = (n + 1) / 2;
        while (true) {
            float guess = (min + max) / 2;
            int less = 0;
            int greater = 0;
            int equal = 0;
            float maxLtGuess = min;
            float minGtGuess = max;
            for (float v : m) {
                if (v < guess) {
                    less++;
                    if (v > maxLtGuess) {
                        maxLtGuess = v;
                    }
                } else if (v > guess) {
                    greater++;
                    if (v < minGtGuess) {
                        minGtGuess = v;
                    }
                } else {
                    equal++;
                }
            }
            if (less <= half && greater <= half) {
                if (less >= half) {
                    return maxLtGuess;
                } else if (less + equal >= half) {
                    return guess;
                } else {
                    return minGtGuess;
                }
            } else if (less > greater) {
                max = maxLtGuess;
            } else {
                min = minGtGuess;
            }
        }
    }
}
