package org.filet.pdq;

import java.util.Arrays;

/**
 * The Jarosz tent blur (two rounds of row box filter then column box filter) followed by decimation to 64×64
 * (PDQ.md §3–§4), computed bit-exactly but faster than the reference's four full-size strided passes:
 *
 * <ul>
 *   <li>row passes keep 8 rows' running sums in flight at once and divide afterwards in a vectorised loop
 *       ({@link RowSums});</li>
 *   <li>pass 1 streams into a ring of {@code window + 5} rows that pass 2 (columns, all column sums advanced
 *       together) consumes, and pass 2 hands each finished row straight to pass 3: no full-size float buffer at
 *       all, so memory stays proportional to the width and the working set stays in cache;</li>
 *   <li>pass 3 (rows) and pass 4 (columns) only divide at the 64 positions that decimation samples.</li>
 * </ul>
 *
 * Every running sum sees the reference's additions and subtractions in the reference's order, in float32, so the
 * sampled values are identical (checked against a transcription of the reference in the tests).
 * Not thread-safe: one instance per thread.
 */
final class Downsampler {

    private static final int GROUP = 8;

    private float[][] ring = new float[0][];
    private int ringRows;
    private int produced;
    private LumaSource source;
    private float[][] rows = new float[GROUP][0];
    private float[][] raw = new float[GROUP][0];
    private float[][] rows3 = new float[GROUP][0];
    private float[][] raw3 = new float[GROUP][0];
    private float[] sums = new float[0];
    private final float[] row64 = new float[64];
    private SampledColumnBox pass4;
    private int width;

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
        int winRows = windowSize(w);
        int winCols = windowSize(h);
        ensureCapacity(w, h, winCols);
        this.source = src;
        this.pass4 = new SampledColumnBox(h, winCols, samplePositions(h));
        this.produced = 0;
        try {
            // All four passes stream: pass 2 pulls pass-1 rows on demand and pushes finished rows through
            // pass 3 into pass 4, so memory depends on the width, never on the height.
            columnsThenSampledRows(w, h, winCols, winRows, samplePositions(w));
        } finally {
            this.source = null;
        }
        return pass4.finish();
    }

    /** Pass-1 row {@code y} (in the ring), producing rows 8 at a time until it exists. */
    private float[] row(int y, int w, int h, int winRows) {
        while (produced <= y) {
            int y0 = produced;
            int n = Math.min(GROUP, h - y0);
            for (int k = 0; k < n; k++) {
                source.readRow(y0 + k, rows[k]);
            }
            rowGroup(rows, raw, n, w, winRows);
            for (int k = 0; k < n; k++) {
                RowSums.divide(raw[k], ring[(y0 + k) % ringRows], w, winRows);
            }
            produced += n;
        }
        return ring[y % ringRows];
    }

    /** Undivided row sums of in[0..n) into out[0..n) (a short group repeats its last row). */
    private void rowGroup(float[][] in, float[][] out, int n, int w, int window) {
        if (n == GROUP) {
            RowSums.rawSums8(in, out, w, window);
            return;
        }
        float[][] refs = groupRefs;
        for (int k = 0; k < GROUP; k++) {
            refs[k] = in[Math.min(k, n - 1)];
        }
        RowSums.rawSums8(refs, out, w, window);
    }

    private final float[][] groupRefs = new float[GROUP][];

    private void columnsThenSampledRows(int w, int h, int window, int rowWindow, int[] colSamples) {
        int half = (window + 2) / 2;
        int lead = half - 1;
        int trail = window - half + 1;
        float[] s = sums;
        Arrays.fill(s, 0f);
        int ri = 0;
        int li = 0;
        int oi = 0;
        int count = 0;
        for (int n = 0; n < lead; n++) {
            RowSums.add(s, row(ri++, w, h, rowWindow), w);
            count++;
        }
        for (int n = 0; n < trail; n++) {
            RowSums.add(s, row(ri++, w, h, rowWindow), w);
            count++;
            emitRow(oi++, count, w, h, rowWindow, colSamples);
        }
        for (int n = 0; n < h - window; n++) {
            float[] a = row(ri++, w, h, rowWindow);
            RowSums.addSub(s, a, row(li++, w, h, rowWindow), w);
            emitRow(oi++, count, w, h, rowWindow, colSamples);
        }
        for (int n = 0; n < lead; n++) {
            RowSums.sub(s, row(li++, w, h, rowWindow), w);
            count--;
            emitRow(oi++, count, w, h, rowWindow, colSamples);
        }
    }

    /**
     * Finishes row {@code y} of pass 2; every 8 rows (and at the end) runs pass 3 on them, sampled, and feeds the
     * resulting 64-wide rows to pass 4.
     */
    private void emitRow(int y, int count, int w, int h, int rowWindow, int[] colSamples) {
        int k = y % GROUP;
        RowSums.divideAll(sums, rows3[k], w, count);
        if (k == GROUP - 1 || y == h - 1) {
            int n = k + 1;
            rowGroup(rows3, raw3, n, w, rowWindow);
            for (int kk = 0; kk < n; kk++) {
                float[] sumsOfRow = raw3[kk];
                for (int j = 0; j < 64; j++) {
                    int x = colSamples[j];
                    row64[j] = sumsOfRow[x] / RowSums.count(x, w, rowWindow);
                }
                pass4.push(row64);
            }
        }
    }

    private void ensureCapacity(int w, int h, int winCols) {
        int need = Math.min(h, winCols + GROUP + 1);
        if (w != width || ring.length < need) {
            width = w;
            ring = new float[need][w];
            rows = new float[GROUP][w];
            raw = new float[GROUP][w];
            rows3 = new float[GROUP][w];
            raw3 = new float[GROUP][w];
            sums = new float[w];
        }
        ringRows = need;
    }

    /** Drops the buffers after an unusually big image. */
    void trim(long keepFloats) {
        if ((long) ring.length * width > keepFloats) {
            width = 0;
            ring = new float[0][];
        }
    }
}
