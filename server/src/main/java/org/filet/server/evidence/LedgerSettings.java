package org.filet.server.evidence;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The custody ledger's settings ({@code filet.ledger.*}).
 *
 * @param headInterval how often a new signed tree head is made when the log has grown
 * @param keyDir       where the Ed25519 signing key lives (default {@code <data>/keys})
 * @param tsaUrl       an RFC 3161 time-stamping authority to stamp every new head, or empty for none
 */
@ConfigurationProperties(prefix = "filet.ledger")
public record LedgerSettings(Duration headInterval, String keyDir, String tsaUrl) {

    public LedgerSettings {
        headInterval = headInterval == null ? Duration.ofSeconds(10) : headInterval;
        keyDir = keyDir == null ? "" : keyDir;
        tsaUrl = tsaUrl == null ? "" : tsaUrl;
    }
}
