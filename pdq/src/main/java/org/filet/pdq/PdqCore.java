package org.filet.pdq;

import java.util.Arrays;

/**
 * The part of PDQ after the blur: quality score, 64→16 DCT, median threshold and the 8 dihedral variants.
 * Everything is float32 in the order of the reference (PDQ.md §5–§8), so the output is bit-exact.
 */
final class PdqCore {

    private static final int N = 64;
    private static final int K = 16;
    private static final float[] DCT = dctMatrix();

    private PdqCore() {}

    /** D[i][j] = sqrt(2/64)·cos(π/128·(i+1)·(2j+1)), computed in double, stored as float (row-major 16×64). */
    private static float[] dctMatrix() {
        float scale = (float) Math.sqrt(2.0 / 64.0);
        float[] d = new float[K * N];
        for (int i = 0; i < K; i++) {
            for (int j = 0; j < N; j++) {
                d[i * N + j] = (float) (scale * Math.cos((Math.PI / 2 / 64.0) * (i + 1) * (2 * j + 1)));
            }
        }
        return d;
    }

    /**
     * Hashes a 64×64 blurred, decimated luma image.
     *
     * <p>Requires {@code a.length == 4096} (row-major).
     */
    static PdqResult fromDownsampled(float[] a) {
        int quality = quality(a);
        float[] b = dct(a);
        PdqHash[] variants = new PdqHash[8];
        float[] t = new float[K * K];
        for (int v = 0; v < 8; v++) {
            transform(Dihedral.of(v), b, t);
            variants[v] = toBits(t);
        }
        return new PdqResult(quality, variants);
    }

    /** The all-zero result the C++ core (and so pdqhash/HMA) gives for images under 5 pixels on a side. */
    static PdqResult degenerate() {
        PdqHash zero = PdqHash.ofWords(0, 0, 0, 0);
        PdqHash[] v = new PdqHash[8];
        Arrays.fill(v, zero);
        return new PdqResult(0, v);
    }

    /** Count of strong gradients, PDQ.md §5. */
    static int quality(float[] a) {
        int sum = 0;
        for (int i = 0; i < N - 1; i++) {
            for (int j = 0; j < N; j++) {
                float u = a[i * N + j];
                float v = a[(i + 1) * N + j];
                int d = (int) (((u - v) * 100) / 255);
                sum += Math.abs(d);
            }
        }
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N - 1; j++) {
                float u = a[i * N + j];
                float v = a[i * N + j + 1];
                int d = (int) (((u - v) * 100) / 255);
                sum += Math.abs(d);
            }
        }
        return Math.min(100, sum / 90);
    }

    /** B = D·A·Dᵀ (16×16), each dot product accumulated in float with k ascending. */
    static float[] dct(float[] a) {
        float[] t = new float[K * N];
        for (int i = 0; i < K; i++) {
            int ti = i * N;
            for (int k = 0; k < N; k++) {
                float dik = DCT[i * N + k];
                int ak = k * N;
                for (int j = 0; j < N; j++) {
                    t[ti + j] += dik * a[ak + j];
                }
            }
        }
        float[] b = new float[K * K];
        for (int i = 0; i < K; i++) {
            for (int j = 0; j < K; j++) {
                float s = 0.0f;
                for (int k = 0; k < N; k++) {
                    s += t[i * N + k] * DCT[j * N + k];
                }
                b[i * K + j] = s;
            }
        }
        return b;
    }

    /** The coefficient matrix of a rotated or mirrored image (PDQ.md §8). */
    static void transform(Dihedral d, float[] b, float[] out) {
        for (int i = 0; i < K; i++) {
            for (int j = 0; j < K; j++) {
                float x = b[i * K + j];
                switch (d) {
                    case ORIGINAL:
                        out[i * K + j] = x;
                        break;
                    case ROTATE_90:
                        out[j * K + i] = (j & 1) != 0 ? x : -x;
                        break;
                    case ROTATE_180:
                        out[i * K + j] = ((i + j) & 1) != 0 ? -x : x;
                        break;
                    case ROTATE_270:
                        out[j * K + i] = (i & 1) != 0 ? x : -x;
                        break;
                    case FLIP_X:
                        out[i * K + j] = (i & 1) != 0 ? x : -x;
                        break;
                    case FLIP_Y:
                        out[i * K + j] = (j & 1) != 0 ? x : -x;
                        break;
                    case FLIP_PLUS1:
                        out[j * K + i] = x;
                        break;
                    case FLIP_MINUS1:
                        out[j * K + i] = ((i + j) & 1) != 0 ? -x : x;
                        break;
                    default:
                        throw new AssertionError(d);
                }
            }
        }
    }

    /** Bit k = 16i+j is set iff B[i][j] is strictly above the 128th smallest coefficient. */
    static PdqHash toBits(float[] b) {
        float[] sorted = b.clone();
        Arrays.sort(sorted);
        float median = sorted[127];
        long[] w = new long[4];
        for (int k = 0; k < K * K; k++) {
            if (b[k] > median) {
                w[k >>> 6] |= 1L << (k & 63);
            }
        }
        return PdqHash.ofWords(w[0], w[1], w[2], w[3]);
    }
}
