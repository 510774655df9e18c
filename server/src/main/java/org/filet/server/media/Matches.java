package org.filet.server.media;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.filet.server.intake.Reports;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The pictures of other reports that match a report's pictures, for its page (and, later, for linking). */
@Component
public class Matches {

    private final JdbcClient jdbc;
    private final Reports reports;

    Matches(JdbcClient jdbc, Reports reports) {
        this.jdbc = jdbc;
        this.reports = reports;
    }

    /** A picture of this report that matches a picture of another report of the same organisation. */
    public record Match(String fileSha256, String otherReceipt, String otherFileSha256, int distance) {}

    public List<Match> of(UUID reportId, UUID organisation) {
        record Row(String fileSha256, UUID otherReport, String otherFileSha256, int distance) {}
        List<Row> rows = jdbc.sql("""
                        select file_sha256, matched_report_id, matched_file_sha256, distance
                        from media_match where report_id = ?""")
                .param(reportId)
                .query((rs, n) -> new Row(
                        rs.getString(1).trim(),
                        rs.getObject(2, UUID.class),
                        rs.getString(3).trim(),
                        rs.getInt(4)))
                .list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, Reports.Heading> others =
                reports.headings(rows.stream().map(Row::otherReport).toList());
        return rows.stream()
                .filter(r -> others.containsKey(r.otherReport())
                        && others.get(r.otherReport()).organisation().equals(organisation))
                .sorted(Comparator.comparingInt(Row::distance)
                        .thenComparing(r -> others.get(r.otherReport()).receivedAt()))
                .map(r -> new Match(
                        r.fileSha256(), others.get(r.otherReport()).receipt(), r.otherFileSha256(), r.distance()))
                .toList();
    }

    /** A picture of this report that matches an entry of a hash list of known material. */
    public record Known(
            String fileSha256,
            String list,
            String owner,
            String version,
            int reviewers,
            String entryId,
            String category,
            int distance) {
        public boolean unreviewed() {
            return reviewers == 0;
        }
    }

    public List<Known> known(UUID reportId) {
        return jdbc.sql("""
                        select m.file_sha256, l.name, l.owner, l.version, l.reviewers, m.entry_id, m.category, m.distance
                        from media_list_match m join hash_list l on l.id = m.list_id
                        where m.report_id = ? order by m.distance""")
                .param(reportId)
                .query((rs, n) -> new Known(
                        rs.getString(1).trim(),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getInt(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getInt(8)))
                .list();
    }

    /** Whether a picture of the report matched known material (then it is never shown, even blurred). */
    public boolean isKnown(UUID reportId, String fileSha256) {
        return jdbc.sql("select count(*) from media_list_match where report_id = ? and file_sha256 = ?")
                        .params(reportId, fileSha256)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Pictures that could not be decoded safely, with the reason. */
    public List<String[]> rejected(UUID reportId) {
        return jdbc.sql("select file_sha256, rejected from media_hash where report_id = ? and rejected is not null")
                .param(reportId)
                .query((rs, n) -> new String[] {rs.getString(1).trim(), rs.getString(2)})
                .list();
    }
}
