package org.filet.pdq;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each fast raster reader gives exactly the luma of the straightforward per-pixel definition. */
class ImageLumaTest {

    @ParameterizedTest
    @ValueSource(
            ints = {
                BufferedImage.TYPE_3BYTE_BGR,
                BufferedImage.TYPE_4BYTE_ABGR,
                BufferedImage.TYPE_INT_RGB,
                BufferedImage.TYPE_INT_ARGB,
                BufferedImage.TYPE_INT_BGR,
                BufferedImage.TYPE_BYTE_INDEXED,
                BufferedImage.TYPE_BYTE_BINARY
            })
    void colourLayoutsMatchGetRgb(int type) {
        BufferedImage img = new BufferedImage(37, 23, type);
        SplittableRandom rnd = new SplittableRandom(type);
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                img.setRGB(x, y, rnd.nextInt());
            }
        }
        float[] expected = new float[img.getWidth() * img.getHeight()];
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int v = img.getRGB(x, y);
                expected[y * img.getWidth() + x] = LumaSource.luma((v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff);
            }
        }
        assertThat(readAll(ImageLuma.of(img))).containsExactly(expected);
    }

    @ParameterizedTest
    @ValueSource(ints = {BufferedImage.TYPE_BYTE_GRAY, BufferedImage.TYPE_USHORT_GRAY})
    void greyIsReadAsRgbEqualWithoutColourConversion(int type) {
        BufferedImage img = new BufferedImage(31, 17, type);
        WritableRaster r = img.getRaster();
        SplittableRandom rnd = new SplittableRandom(type);
        float[] expected = new float[31 * 17];
        for (int y = 0; y < 17; y++) {
            for (int x = 0; x < 31; x++) {
                int v = type == BufferedImage.TYPE_BYTE_GRAY ? rnd.nextInt(256) : rnd.nextInt(1024);
                r.setSample(x, y, 0, v);
                int g = Math.min(255, v);
                expected[y * 31 + x] = LumaSource.luma(g, g, g);
            }
        }
        assertThat(readAll(ImageLuma.of(img))).containsExactly(expected);
    }

    private static float[] readAll(LumaSource src) {
        float[] all = new float[src.width() * src.height()];
        float[] row = new float[src.width()];
        for (int y = 0; y < src.height(); y++) {
            src.readRow(y, row);
            System.arraycopy(row, 0, all, y * src.width(), src.width());
        }
        return all;
    }
}
