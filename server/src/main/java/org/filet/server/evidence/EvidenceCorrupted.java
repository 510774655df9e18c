package org.filet.server.evidence;

/** An object read back from the store does not hash to its address: the bytes on disk were changed or damaged. */
public class EvidenceCorrupted extends RuntimeException {
    public EvidenceCorrupted(String expected, String computed) {
        super("evidence object " + expected + " is corrupted: its content now hashes to " + computed);
    }
}
