package org.filet.pdq.image;

/** The bytes start like a supported format but cannot be decoded completely (truncated, damaged header, …). */
public final class CorruptImageException extends ImageRejectedException {

    private static final long serialVersionUID = 1L;

    CorruptImageException(String message, Throwable cause) {
        super(message, cause);
    }
}
