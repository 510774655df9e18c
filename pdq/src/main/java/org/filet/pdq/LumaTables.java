package org.filet.pdq;

/** Per-channel luma products for 8-bit samples; {@code (RED[r] + GREEN[g]) + BLUE[b]} equals {@link LumaSource#luma}. */
final class LumaTables {

    static final float[] RED = new float[256];
    static final float[] GREEN = new float[256];
    static final float[] BLUE = new float[256];

    static {
        for (int i = 0; i < 256; i++) {
            RED[i] = 0.299f * i;
            GREEN[i] = 0.587f * i;
            BLUE[i] = 0.114f * i;
        }
    }

    private LumaTables() {
    }
}
