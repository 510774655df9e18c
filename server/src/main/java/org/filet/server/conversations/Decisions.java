package org.filet.server.conversations;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.UUID;
import org.filet.chatexport.ImportOptions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** How an analyst decided an ambiguous export is to be read (day/month order, time zone), and who decided. */
@Component
public class Decisions {

    private final JdbcClient jdbc;

    Decisions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A way of reading an export: null fields are left to the parser's inference. */
    public record Reading(Boolean daysFirst, String zone) {
        static final Reading INFERRED = new Reading(null, null);

        ImportOptions options() {
            ImportOptions o = ImportOptions.DEFAULT.withDaysFirst(daysFirst);
            return zone == null ? o : o.withZone(ZoneId.of(zone));
        }

        /** What the parser id says of this reading: empty when inferred. */
        String suffix() {
            return (daysFirst == null ? "" : ";days-first=" + daysFirst) + (zone == null ? "" : ";zone=" + zone);
        }
    }

    Reading latest(UUID reportId, String fileSha256) {
        return jdbc.sql("""
                        select days_first, zone from conversation_decision where report_id = ? and file_sha256 = ?
                        order by decided_at desc, id desc limit 1""")
                .params(reportId, fileSha256)
                .query((rs, n) -> new Reading((Boolean) rs.getObject(1), rs.getString(2)))
                .optional()
                .orElse(Reading.INFERRED);
    }

    /** Records a decision; rejects an unknown time zone. The caller enqueues the re-parse. */
    public void decide(UUID reportId, String fileSha256, Boolean daysFirst, String zone, UUID user) {
        if (zone != null) {
            try {
                ZoneId.of(zone);
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("unknown time zone");
            }
        }
        jdbc.sql(
                        "insert into conversation_decision (report_id, file_sha256, days_first, zone, decided_by) values (?, ?, ?, ?, ?)")
                .params(reportId, fileSha256, daysFirst, zone, user)
                .update();
    }
}
