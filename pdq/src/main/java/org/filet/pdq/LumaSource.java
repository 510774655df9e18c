package org.filet.pdq;

/**
 * Rows of float32 luma {@code Y = 0.299·R + 0.587·G + 0.114·B} (PDQ.md §2), produced on demand so the hasher never
 * needs the whole image as floats.
 */
interface LumaSource {

    int width();

    int height();

    /**
     * Writes the luma of row {@code y} to {@code dst[0 .. width)}.
     *
     * <p>Requires {@code 0 <= y < height()} and {@code dst.length >= width()}; rows are requested in increasing
     * order.
     */
    void readRow(int y, float[] dst);

    /** The luma of one pixel, float32 and evaluated left to right exactly as the reference does. */
    static float luma(int r, int g, int b) {
        return 0.299f * r + 0.587f * g + 0.114f * b;
    }

    /** A source over a row-major float array (tests, and callers who already have luma). */
    static LumaSource ofArray(float[] luma, int width, int height) {
        if (width <= 0 || height <= 0 || (long) width * height != luma.length) {
            throw new IllegalArgumentException("luma array does not match " + width + "x" + height);
        }
        return new LumaSource() {
            @Override
            public int width() {
                return width;
            }

            @Override
            public int height() {
                return height;
            }

            @Override
            public void readRow(int y, float[] dst) {
                System.arraycopy(luma, y * width, dst, 0, width);
            }
        };
    }
}
