package org.filet.verify.tsp;

import java.time.Instant;

/**
 * What a verified RFC 3161 token asserts: the data with this SHA-256 existed at {@code genTime}, per the TSA whose
 * certificate has this subject and SHA-256 fingerprint. Whether that TSA is trusted is the reader's call.
 */
public record TimestampInfo(
        Instant genTime,
        String tsaSubject,
        String tsaCertificateSha256,
        String policy,
        String serialNumber,
        String imprintSha256) {}
