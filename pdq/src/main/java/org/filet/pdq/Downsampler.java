package org.filet.pdq;

/**
 * The Jarosz tent blur (two rounds of row box filter then column box filter) followed by decimation to 64×64
 * (PDQ.md §3–§4), computed bit-exactly but without the reference's full-size column passes:
 *
 * <ul>
 *   <li>pass 1 (rows) runs on tiles of {@value #TILE} rows stored interleaved, so the running sums of 16 rows
 *       advance together in vector registers instead of one latency-bound chain per row;</li>
 *   <li>pass 2 (columns) runs across all columns at once and hands each finished row straight to pass 3;</li>
 *   <li>pass 3 (rows) and pass 4 (columns) only divide at the 64 positions that decimation will sample.</li>
 * </ul>
 *
 * Every running sum sees the same additions and subtractions in the same order as the reference's
 * {@code box1DFloat}, in float32, so every sampled value is identical. Not thread-safe: one instance per thread.
 */
final class Downsampler {

    static final int TILE = 16;

    private float[] blurred = new float[0];
    private float[] tile = new float[0];
    private float[] tileOut = new float[0];
    private float[] sums = new float[0];
    private float[] compact = new float[0];
    private final float[] sampled = new float[64 * TILE];
    private final float[] lanes16 = new float[TILE];

    /** Reference window size: ceil(dim / 128). */
    static int windowSize(int dim) {
        return (dim + 127) / 128;
    }

    /** Decimation indices floor((i + 0.5) · dim / 64), computed in double as the reference does. */
    static int[] samplePositions(int dim) {
        int[] s = new int[64];
        for (int i = 0; i < 64; i++) {
            s[i] = (int) (((i + 0.5) * dim) / 64);
        }
        return s;
    }

    /** Blurs and decimates; returns a fresh 64×64 row-major array. */
    float[] downsample(LumaSource src) {
        int w = src.width();
        int h = src.height();
        ensureCapacity(w, h);
        int winRows = windowSize(w);
        int winCols = windowSize(h);

        // Pass 1: box along rows, TILE rows at a time, into the row-major buffer.
        for (int y0 = 0; y0 < h; y0 += TILE) {
            int rows = Math.min(TILE, h - y0);
            if (rows < TILE) {
                java.util.Arrays.fill(tile, 0, w * TILE, 0f);
            }
            for (int r = 0; r < rows; r++) {
                src.readRow(y0 + r, tile, r, TILE);
            }
            BoxFilter.lanes(tile, tileOut, w, TILE, winRows, lanes16);
            for (int r = 0; r < rows; r++) {
                int base = (y0 + r) * w;
                for (int x = 0; x < w; x++) {
                    blurred[base + x] = tileOut[x * TILE + r];
                }
            }
        }

        // Pass 2 (columns, all at once) feeding pass 3 (rows, sampled) tile by tile.
        int[] colSamples = samplePositions(w);
        columnsThenSampledRows(w, h, winCols, winRows, colSamples);

        // Pass 4: columns of the h×64 compact image, only at the sampled rows.
        float[] out = new float[64 * 64];
        BoxFilter.lanesSampled(compact, out, h, 64, winCols, samplePositions(h), new float[64]);
        return out;
    }

    private void columnsThenSampledRows(int w, int h, int window, int rowWindow, int[] colSamples) {
        int half = (window + 2) / 2;
        int phase1 = half - 1;
        int phase2 = window - half + 1;
        int phase3 = h - window;
        int phase4 = half - 1;
        float[] s = sums;
        float[] in = blurred;
        java.util.Arrays.fill(s, 0, w, 0f);
        int ri = 0;
        int li = 0;
        int oi = 0;
        int count = 0;
        for (int n = 0; n < phase1; n++) {
            int a = ri * w;
            for (int x = 0; x < w; x++) {
                s[x] += in[a + x];
            }
            ri++;
            count++;
        }
        for (int n = 0; n < phase2; n++) {
            int a = ri * w;
            for (int x = 0; x < w; x++) {
                s[x] += in[a + x];
            }
            ri++;
            count++;
            emitRow(oi++, count, w, h, rowWindow, colSamples);
        }
        for (int n = 0; n < phase3; n++) {
            int a = ri * w;
            int b = li * w;
            for (int x = 0; x < w; x++) {
                float v = s[x] + in[a + x];
                s[x] = v - in[b + x];
            }
            ri++;
            li++;
            emitRow(oi++, count, w, h, rowWindow, colSamples);
        }
        for (int n = 0; n < phase4; n++) {
            int b = li * w;
            for (int x = 0; x < w; x++) {
                s[x] -= in[b + x];
            }
            li++;
            count--;
            emitRow(oi++, count, w, h, rowWindow, colSamples);
        }
    }

    /** Stores finished row {@code y} of pass 2 into the interleaved tile; runs pass 3 when the tile is full. */
    private void emitRow(int y, int count, int w, int h, int rowWindow, int[] colSamples) {
        float c = count;
        int r = y % TILE;
        float[] s = sums;
        float[] t = tile;
        for (int x = 0; x < w; x++) {
            t[x * TILE + r] = s[x] / c;
        }
        if (r == TILE - 1 || y == h - 1) {
            int y0 = y - r;
            BoxFilter.lanesSampled(t, sampled, w, TILE, rowWindow, colSamples, lanes16);
            for (int rr = 0; rr <= r; rr++) {
                int base = (y0 + rr) * 64;
                for (int j = 0; j < 64; j++) {
                    compact[base + j] = sampled[j * TILE + rr];
                }
            }
        }
    }

    private void ensureCapacity(int w, int h) {
        long pixels = (long) w * h;
        if (blurred.length < pixels) {
            blurred = new float[Math.toIntExact(pixels)];
        }
        if (tile.length < w * TILE) {
            tile = new float[w * TILE];
            tileOut = new float[w * TILE];
        }
        if (sums.length < w) {
            sums = new float[w];
        }
        if (compact.length < h * 64) {
            compact = new float[h * 64];
        }
    }

    /** Drops the large buffers (after hashing an unusually big image). */
    void trim(long keepPixels) {
        if (blurred.length > keepPixels) {
            blurred = new float[0];
            tile = new float[0];
            tileOut = new float[0];
            sums = new float[0];
            compact = new float[0];
        }
    }
}
