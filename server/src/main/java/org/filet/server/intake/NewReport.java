package org.filet.server.intake;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A validated report ready to commit: the submission, the exact bytes it arrived as (kept with their SHA-256), and
 * its files, already in the evidence store.
 */
record NewReport(
        UUID id,
        String receipt,
        String accessCodeHash,
        UUID organisation,
        Instant receivedAt,
        String channel,
        ReportSubmission submission,
        byte[] submissionBytes,
        String submissionSha256,
        List<IncomingFile> files) {

    @Override
    public String toString() {
        return "NewReport[" + receipt + "]";
    }
}
