package org.filet.chatexport;

import java.time.ZoneId;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Interpretation choices the uploader can confirm. {@code assumedZone}: the exporting phone's zone, used to turn
 * wall-clock times into instants (left null, such times get no instant). {@code daysFirst}: forces WhatsApp day/month
 * order (null = infer from the file and flag ambiguity).
 */
public record ImportOptions(
        @Nullable ZoneId assumedZone, @Nullable Boolean daysFirst, ImportLimits limits) {
    public static final ImportOptions DEFAULT = new ImportOptions(null, null, ImportLimits.DEFAULT);

    public ImportOptions {
        Objects.requireNonNull(limits, "limits");
    }

    public ImportOptions withZone(@Nullable ZoneId zone) {
        return new ImportOptions(zone, daysFirst, limits);
    }

    public ImportOptions withDaysFirst(@Nullable Boolean v) {
        return new ImportOptions(assumedZone, v, limits);
    }

    public ImportOptions withLimits(ImportLimits v) {
        return new ImportOptions(assumedZone, daysFirst, v);
    }
}
