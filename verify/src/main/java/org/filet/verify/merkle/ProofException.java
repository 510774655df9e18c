package org.filet.verify.merkle;

/** A proof that does not verify or cannot be checked; the message carries sizes, indexes and positions. */
public class ProofException extends Exception {
    private static final long serialVersionUID = 1L;

    public ProofException(String message) {
        super(message);
    }
}
