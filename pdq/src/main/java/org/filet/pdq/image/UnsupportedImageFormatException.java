package org.filet.pdq.image;

/** The bytes are not JPEG, PNG, GIF or WebP (judged by magic bytes). */
public final class UnsupportedImageFormatException extends ImageRejectedException {

    private static final long serialVersionUID = 1L;

    UnsupportedImageFormatException(String message) {
        super(message, null);
    }
}
