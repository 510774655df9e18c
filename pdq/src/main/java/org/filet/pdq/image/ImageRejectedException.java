package org.filet.pdq.image;

/**
 * An image Filet refuses to decode. Subclasses say why; messages carry sizes and formats, never content or paths.
 */
public abstract class ImageRejectedException extends Exception {

    private static final long serialVersionUID = 1L;

    ImageRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
