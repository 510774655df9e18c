package org.filet.pdq;

import java.util.Arrays;

/**
 * Pass 4 of the blur: the reference box filter down 64 columns, fed one row at a time and divided only at the 64
 * sampled rows. It keeps the last {@code window + 1} rows, so memory does not grow with the image height (a
 * 5 × 10,000,000 image would otherwise need gigabytes). Each column's running sum sees the reference's additions
 * and subtractions in the reference's order (PDQ.md §3).
 */
final class SampledColumnBox {

    private static final int LANES = 64;

    private final int height;
    private final int window;
    private final int lead;
    private final int trail;
    private final int[] samples;
    private final float[][] ring;
    private final float[] sums = new float[LANES];
    private final float[] out = new float[LANES * 64];
    private int pushed;
    private int nextSample;

    /** Requires {@code height >= 1}, {@code window = ceil(height / 128)}, 64 ascending sample rows. */
    SampledColumnBox(int height, int window, int[] samples) {
        this.height = height;
        this.window = window;
        int half = (window + 2) / 2;
        this.lead = half - 1;
        this.trail = window - half + 1;
        this.samples = samples;
        this.ring = new float[window + 1][LANES];
    }

    /** Adds the next row (64 values); emits any output that becomes complete. */
    void push(float[] row) {
        int r = pushed++;
        float[] s = sums;
        if (r >= window) {
            float[] leaving = ring[(r - window) % ring.length];
            for (int j = 0; j < LANES; j++) {
                s[j] = (s[j] + row[j]) - leaving[j];
            }
        } else {
            for (int j = 0; j < LANES; j++) {
                s[j] += row[j];
            }
        }
        System.arraycopy(row, 0, ring[r % ring.length], 0, LANES);
        if (r >= lead) {
            int oi = r - lead;
            emit(oi, r < window ? r + 1 : window);
        }
    }

    /** After all {@code height} rows: the last outputs (window shrinking at the bottom); returns the 64×64 image. */
    float[] finish() {
        if (pushed != height) {
            throw new IllegalStateException("pushed " + pushed + " of " + height + " rows");
        }
        int count = window;
        for (int oi = height - lead; oi < height; oi++) {
            float[] leaving = ring[(oi - trail) % ring.length];
            for (int j = 0; j < LANES; j++) {
                sums[j] -= leaving[j];
            }
            count--;
            emit(oi, count);
        }
        return Arrays.copyOf(out, out.length);
    }

    private void emit(int oi, int count) {
        while (nextSample < samples.length && samples[nextSample] == oi) {
            float c = count;
            int o = nextSample * LANES;
            for (int j = 0; j < LANES; j++) {
                out[o + j] = sums[j] / c;
            }
            nextSample++;
        }
    }
}
