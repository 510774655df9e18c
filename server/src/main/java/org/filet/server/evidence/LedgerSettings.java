package org.filet.server.evidence;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The custody ledger's settings ({@code filet.ledger.*}).
 *
 * @param headInterval how often a new signed tree head is made when the log has grown
 * @param keyDir       where the Ed25519 signing key lives (default {@code <data>/keys})
 * @param tsaUrl       an RFC 3161 time-stamping authority to stamp every new head, or empty for none
 * @param headLogMirror a second file to which every head is appended too (another disk, a mounted share), or empty;
 *                      also read from {@code FILET_LEDGER_HEAD_LOG_MIRROR}
 * @param sequencer     whether this process sequences events and signs heads in the background (operators' commands
 *                      such as {@code filet ledger check} do not: they must not sign a head over what they inspect)
 */
@ConfigurationProperties(prefix = "filet.ledger")
public record LedgerSettings(
        Duration headInterval, String keyDir, String tsaUrl, String headLogMirror, Boolean sequencer) {

    public LedgerSettings {
        headInterval = headInterval == null ? Duration.ofSeconds(10) : headInterval;
        keyDir = keyDir == null ? "" : keyDir;
        tsaUrl = tsaUrl == null ? "" : tsaUrl;
        sequencer = sequencer == null || sequencer;
        if (headLogMirror == null || headLogMirror.isBlank()) {
            String env = System.getenv("FILET_LEDGER_HEAD_LOG_MIRROR");
            headLogMirror = env == null ? "" : env.strip();
        }
    }

    /** The mirror file, if one is set. */
    public java.util.Optional<java.nio.file.Path> mirror() {
        return headLogMirror.isBlank()
                ? java.util.Optional.empty()
                : java.util.Optional.of(java.nio.file.Path.of(headLogMirror));
    }
}
