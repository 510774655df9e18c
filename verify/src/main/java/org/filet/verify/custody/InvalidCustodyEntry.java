package org.filet.verify.custody;

/** Bytes or values that are not a valid version-1 custody entry; the message names the field, never its value. */
public final class InvalidCustodyEntry extends Exception {
    private static final long serialVersionUID = 1L;

    public InvalidCustodyEntry(String message) {
        super(message);
    }
}
