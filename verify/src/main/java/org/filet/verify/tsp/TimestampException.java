package org.filet.verify.tsp;

/** An RFC 3161 response or token that is malformed or does not verify. */
public final class TimestampException extends Exception {
    private static final long serialVersionUID = 1L;

    public TimestampException(String message) {
        super(message);
    }

    public TimestampException(String message, Throwable cause) {
        super(message, cause);
    }
}
