package org.filet.server.evidence;

/** An object read back from the store is not what was stored: its bytes were changed or damaged. */
public class EvidenceCorrupted extends RuntimeException {

    private final String sha256;

    public EvidenceCorrupted(String expected, String why) {
        super("evidence object " + expected + " is corrupted: " + why);
        this.sha256 = expected;
    }

    public String sha256() {
        return sha256;
    }
}
