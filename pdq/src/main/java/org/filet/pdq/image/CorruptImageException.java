package org.filet.pdq.image;

/** The bytes start like a supported format but cannot be decoded completely (truncated, damaged header, …). */
public final class CorruptImageException extends ImageRejectedException {

    private static final long serialVersionUID = 1L;

    /** Whether another installed decoder may still succeed (false for data that is plainly incomplete). */
    private final transient boolean otherDecoderMayCope;

    CorruptImageException(String message, Throwable cause) {
        this(message, cause, true);
    }

    CorruptImageException(String message, Throwable cause, boolean otherDecoderMayCope) {
        super(message, cause);
        this.otherDecoderMayCope = otherDecoderMayCope;
    }

    boolean otherDecoderMayCope() {
        return otherDecoderMayCope;
    }
}
