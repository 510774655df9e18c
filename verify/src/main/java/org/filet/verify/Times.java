package org.filet.verify;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** The one timestamp spelling in Filet evidence files: UTC, microseconds, {@code 2026-11-29T03:39:06.123456Z}. */
public final class Times {
    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
    private static final long MAX_EPOCH_SECOND = 253402300799L; // 9999-12-31T23:59:59Z

    private Times() {}

    /** Truncates to microseconds; requires a time between 1970 and 9999. */
    public static Instant normalise(Instant t) {
        if (t == null || t.getEpochSecond() < 0 || t.getEpochSecond() > MAX_EPOCH_SECOND) {
            throw new IllegalArgumentException("time must be between 1970 and 9999");
        }
        return t.truncatedTo(ChronoUnit.MICROS);
    }

    public static String format(Instant t) {
        return FORMAT.format(normalise(t));
    }

    /** Parses exactly the canonical spelling; anything else is an {@link IllegalArgumentException}. */
    public static Instant parse(String s) {
        try {
            Instant t = Instant.from(FORMAT.parse(s));
            if (!format(t).equals(s)) {
                throw new IllegalArgumentException("time is not in canonical form yyyy-MM-ddTHH:mm:ss.ffffffZ");
            }
            return t;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("time is not yyyy-MM-ddTHH:mm:ss.ffffffZ");
        }
    }
}
