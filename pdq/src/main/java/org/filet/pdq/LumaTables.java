package org.filet.pdq;

/** Per-channel luma products for 8-bit samples; {@code (RED[r] + GREEN[g]) + BLUE[b]} equals {@link LumaSource#luma}. */
final class LumaTables {

    static final float[] RED = new float[256];
    static final float[] GREEN = new float[256];
    static final float[] BLUE = new float[256];
    /** {@code RED_GREEN[(r << 8) | g] == RED[r] + GREEN[g]} (256 KB): one lookup and one add fewer per pixel. */
    static final float[] RED_GREEN = new float[65536];

    static {
        for (int i = 0; i < 256; i++) {
            RED[i] = 0.299f * i;
            GREEN[i] = 0.587f * i;
            BLUE[i] = 0.114f * i;
        }
        for (int r = 0; r < 256; r++) {
            for (int g = 0; g < 256; g++) {
                RED_GREEN[(r << 8) | g] = RED[r] + GREEN[g];
            }
        }
    }

    private LumaTables() {}
}
