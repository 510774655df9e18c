package org.filet.pdq.image;

/** The header declares more pixels than allowed (a decompression bomb, or just too big): refused before decoding. */
public final class ImageTooLargeException extends ImageRejectedException {

    private static final long serialVersionUID = 1L;

    private final long width;
    private final long height;
    private final long maxPixels;

    ImageTooLargeException(long width, long height, long maxPixels) {
        super(
                "image declares " + width + "x" + height + " = " + width * height + " pixels, above the limit of "
                        + maxPixels,
                null);
        this.width = width;
        this.height = height;
        this.maxPixels = maxPixels;
    }

    ImageTooLargeException(String message) {
        super(message, null);
        this.width = -1;
        this.height = -1;
        this.maxPixels = -1;
    }

    public long width() {
        return width;
    }

    public long height() {
        return height;
    }

    public long maxPixels() {
        return maxPixels;
    }
}
