package org.filet.server.evidence;

/** An object was larger than the limit it was stored under; nothing was kept. */
public class EvidenceTooLarge extends RuntimeException {
    private final long limit;

    public EvidenceTooLarge(long limit) {
        super("the file is larger than the limit of " + limit + " bytes");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
