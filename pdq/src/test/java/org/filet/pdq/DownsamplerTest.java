package org.filet.pdq;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DownsamplerTest {

    @ParameterizedTest
    @CsvSource({
        "5,5",
        "7,300",
        "34,42",
        "63,65",
        "64,64",
        "128,128",
        "129,257",
        "255,17",
        "300,7",
        "5,100000",
        "100000,5",
        "1000,300",
        "1600,1004",
        "640,1"
    })
    void matchesReferenceBitForBit(int cols, int rows) {
        float[] luma = randomLuma(cols, rows, cols * 31L + rows);
        float[] expected = ReferencePdq.downsample(luma, rows, cols);
        float[] actual = new Downsampler().downsample(LumaSource.ofArray(luma, cols, rows));
        assertThat(actual).containsExactly(expected);
    }

    @Test
    void instanceIsReusableAcrossSizes() {
        Downsampler d = new Downsampler();
        for (int[] size : new int[][] {{500, 400}, {70, 90}, {500, 401}}) {
            float[] luma = randomLuma(size[0], size[1], size[0] + size[1]);
            assertThat(d.downsample(LumaSource.ofArray(luma, size[0], size[1])))
                    .containsExactly(ReferencePdq.downsample(luma, size[1], size[0]));
        }
    }

    @Test
    void sortedMedianEqualsTorben() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int t = 0; t < 200; t++) {
            float[] m = new float[256];
            for (int i = 0; i < m.length; i++) {
                m[i] = t % 3 == 0 ? rnd.nextInt(5) : (float) rnd.nextGaussian();
            }
            float[] s = m.clone();
            Arrays.sort(s);
            assertThat(s[127]).isEqualTo(ReferencePdq.torben(m));
        }
    }

    static float[] randomLuma(int cols, int rows, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[] luma = new float[cols * rows];
        // smooth structure plus noise, like a photo, so the DCT has real content
        for (int y = 0; y < rows; y++) {
            for (int x = 0; x < cols; x++) {
                int r = (int) (128 + 100 * Math.sin(x * 0.05 + y * 0.02)) + rnd.nextInt(20);
                int g = Math.min(255, Math.max(0, r + rnd.nextInt(30) - 15));
                int b = rnd.nextInt(256);
                luma[y * cols + x] = LumaSource.luma(Math.min(255, r), g, b);
            }
        }
        return luma;
    }
}
