package org.filet.server.evidence;

import org.filet.verify.Sha256;

/** An object kept in the evidence store: its content address and its size in bytes. */
public record StoredObject(String sha256, long size) {
    public StoredObject {
        Sha256.requireAddress(sha256);
        if (size < 0) {
            throw new IllegalArgumentException("size must be >= 0, was " + size);
        }
    }
}
