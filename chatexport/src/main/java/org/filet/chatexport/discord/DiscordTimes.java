package org.filet.chatexport.discord;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.filet.chatexport.ImportOptions;
import org.filet.conversation.Message;
import org.jspecify.annotations.Nullable;

/** Discord time stamps: ISO with offset (DCE JSON/CSV), package stamps, and culture-formatted DCE TXT dates. */
final class DiscordTimes {
    private static final List<DateTimeFormatter> TXT = List.of(
            pattern("M/d/yyyy h:mm a"),
            pattern("M/d/yyyy h:mm:ss a"),
            pattern("dd-MMM-yy hh:mm a"),
            pattern("d/M/yyyy H:mm"),
            pattern("d.M.yyyy H:mm"),
            pattern("yyyy-MM-dd H:mm"),
            pattern("yyyy-MM-dd HH:mm:ss"));

    private DiscordTimes() {}

    private static DateTimeFormatter pattern(String p) {
        return new DateTimeFormatterBuilder()
                .parseCaseInsensitive()
                .appendPattern(p)
                .toFormatter(Locale.US);
    }

    /** ISO-8601 with an offset; sets at, local, instant and zone. Returns false if it is not such a stamp. */
    static boolean iso(@Nullable String s, Message.Builder b) {
        if (s == null) {
            return false;
        }
        b.at(s);
        try {
            OffsetDateTime t = OffsetDateTime.parse(s.strip().replace(' ', 'T'));
            b.local(t.toLocalDateTime())
                    .instant(t.toInstant())
                    .zone(t.getOffset().getId() + " (offset written in the export)");
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** Package stamp: with offset, or without (then read as UTC and said so). */
    static boolean packageStamp(@Nullable String s, Message.Builder b) {
        if (iso(s, b)) {
            return true;
        }
        if (s == null) {
            return false;
        }
        try {
            LocalDateTime l = LocalDateTime.parse(s.strip().replace(' ', 'T'));
            b.local(l).instant(l.toInstant(ZoneOffset.UTC)).zone("UTC (assumed: Discord data packages write UTC)");
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** DCE TXT: culture-formatted, no zone. */
    static boolean txt(String s, Message.Builder b, ImportOptions options) {
        b.at(s);
        for (DateTimeFormatter f : TXT) {
            try {
                LocalDateTime l = LocalDateTime.parse(s.replace('\u202F', ' ').replace('\u00A0', ' '), f);
                b.local(l);
                if (options.assumedZone() != null) {
                    b.instant(l.atZone(options.assumedZone()).toInstant())
                            .zone(options.assumedZone().getId() + " (assumed, given with the upload)");
                } else {
                    b.zone("unknown: DiscordChatExporter text writes local time without a zone");
                }
                return true;
            } catch (DateTimeParseException e) {
                // try the next culture
            }
        }
        b.zone("unknown: DiscordChatExporter text writes local time without a zone");
        return false;
    }
}
