package org.filet.server.intake;

import java.time.Instant;

/** A file of a report, already durable in the evidence store, waiting for its report row to commit. */
record IncomingFile(
        String sha256,
        long size,
        String originalName,
        String declaredType,
        String mediaType,
        boolean typeMismatch,
        Instant receivedAt) {

    @Override
    public String toString() {
        return "IncomingFile[" + sha256 + ", " + mediaType + ", " + size + " bytes]";
    }
}
