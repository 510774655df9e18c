package org.filet.pdq;

import java.awt.image.BufferedImage;

/**
 * Computes PDQ hashes (Meta's 256-bit perceptual hash), bit-exact with the reference implementations given the same
 * decoded pixels: the Java reference for RGB images and pdqhash (Meta's C++ core, as used by HMA) for all images
 * (PDQ.md). The image is hashed as stored: no pre-resize, EXIF orientation not applied.
 *
 * <p>Thread-safe. Besides the decoded image, hashing needs only about {@code (window + 13) × width + 64 × height}
 * floats of scratch (a few hundred KB for a photo), kept per thread and freed after unusually large images.
 */
public final class PdqHasher {

    /** Images with a side shorter than this get the all-zero hash and quality 0, as in Meta's C++ core. */
    public static final int MIN_SIDE = 5;

    static final long KEEP_FLOATS = 4_000_000L;

    private static final ThreadLocal<Downsampler> SCRATCH = ThreadLocal.withInitial(Downsampler::new);

    private PdqHasher() {}

    /** Hashes a decoded image (see {@link ImageDecoder} for untrusted bytes). */
    public static PdqResult hash(BufferedImage image) {
        return hash(ImageLuma.of(image));
    }

    /**
     * Hashes a row-major float32 luma image.
     *
     * <p>Requires {@code luma.length == width * height}.
     */
    public static PdqResult hashLuma(float[] luma, int width, int height) {
        return hash(LumaSource.ofArray(luma, width, height));
    }

    static PdqResult hash(LumaSource src) {
        if (src.width() < MIN_SIDE || src.height() < MIN_SIDE) {
            return PdqCore.degenerate();
        }
        Downsampler d = SCRATCH.get();
        try {
            return PdqCore.fromDownsampled(d.downsample(src));
        } finally {
            d.trim(KEEP_FLOATS);
        }
    }
}
