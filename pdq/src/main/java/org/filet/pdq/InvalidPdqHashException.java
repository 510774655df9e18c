package org.filet.pdq;

/** A PDQ hash text that is not 64 hex digits. The message names the problem, never the input text. */
public final class InvalidPdqHashException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidPdqHashException(String message) {
        super(message);
    }
}
