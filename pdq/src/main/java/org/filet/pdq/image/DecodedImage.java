package org.filet.pdq.image;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Optional;

/**
 * A decoded image and what was learned decoding it: the real format (from magic bytes), the format the file name
 * claimed, and the decoder's non-fatal warnings.
 */
public final class DecodedImage {

    private final BufferedImage image;
    private final ImageFormat format;
    private final ImageFormat nameFormat;
    private final List<String> warnings;

    DecodedImage(BufferedImage image, ImageFormat format, ImageFormat nameFormat, List<String> warnings) {
        this.image = image;
        this.format = format;
        this.nameFormat = nameFormat;
        this.warnings = List.copyOf(warnings);
    }

    public BufferedImage image() {
        return image;
    }

    public int width() {
        return image.getWidth();
    }

    public int height() {
        return image.getHeight();
    }

    /** The format found in the bytes. */
    public ImageFormat format() {
        return format;
    }

    /** The format the file name's extension claims, when it names one of the supported formats. */
    public Optional<ImageFormat> nameFormat() {
        return Optional.ofNullable(nameFormat);
    }

    /** True when the file name claims a supported format other than the real one (e.g. a PNG named {@code .jpg}). */
    public boolean extensionMismatch() {
        return nameFormat != null && nameFormat != format;
    }

    public List<String> warnings() {
        return warnings;
    }

    @Override
    public String toString() {
        return "DecodedImage[" + format + " " + width() + "x" + height()
                + (extensionMismatch() ? ", named as " + nameFormat : "") + "]";
    }
}
