package org.filet.server.evidence;

/** No object with this content address is in the store. */
public class EvidenceNotFound extends RuntimeException {
    public EvidenceNotFound(String sha256) {
        super("no evidence object " + sha256);
    }
}
