package org.filet.identifiers;

/** Thrown by {@link Parsed#orElseThrow()} when a text gave no identifier; the message names the rule only. */
public final class IdentifierRejected extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Rejection rejection;

    public IdentifierRejected(Rejection rejection) {
        super("identifier rejected: " + rejection.name() + " (" + rejection.description() + ")");
        this.rejection = rejection;
    }

    public Rejection rejection() {
        return rejection;
    }
}
