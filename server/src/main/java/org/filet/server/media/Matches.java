package org.filet.server.media;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The pictures of other reports that match a report's pictures, for its page (and, later, for linking). */
@Component
public class Matches {

    private final JdbcClient jdbc;

    Matches(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A picture of this report that matches a picture of another report of the same organisation. */
    public record Match(String fileSha256, String otherReceipt, String otherFileSha256, int distance) {
    }

    public List<Match> of(UUID reportId, UUID organisation) {
        return jdbc.sql("""
                        select m.file_sha256, r.receipt, m.matched_file_sha256, m.distance
                        from media_match m join report r on r.id = m.matched_report_id
                        where m.report_id = ? and r.organisation = ? order by m.distance, r.received_at""")
                .params(reportId, organisation)
                .query((rs, n) -> new Match(rs.getString(1).trim(), rs.getString(2), rs.getString(3).trim(), rs.getInt(4)))
                .list();
    }

    /** Pictures that could not be decoded safely, with the reason. */
    public List<String[]> rejected(UUID reportId) {
        return jdbc.sql("select file_sha256, rejected from media_hash where report_id = ? and rejected is not null")
                .param(reportId).query((rs, n) -> new String[] {rs.getString(1).trim(), rs.getString(2)}).list();
    }
}
