package org.filet.verify.sth;

/** A tree head, key or signature that is malformed or does not verify. Messages never contain key material. */
public final class TreeHeadException extends Exception {
    private static final long serialVersionUID = 1L;

    public TreeHeadException(String message) {
        super(message);
    }

    public TreeHeadException(String message, Throwable cause) {
        super(message, cause);
    }
}
