package org.filet.server.triage;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The analyst queue of an organisation, worst first: immediate danger declared by the reporter, then urgent (an
 * urgency rule fired, or a person set it), then the analyst's priority or else the model's level (a report not scored
 * yet sits at medium), then pictures matching known material, then pictures matching other reports, then the oldest
 * waiting first — within a level the order is by waiting time, so no report starves behind newer ones. Referred and
 * closed reports leave the queue for their own lists. Reads only triage's read model ({@code triage_queue}, kept by
 * {@link QueueEntries}): one range scan of a partial index over open reports, no join, no per-row subquery.
 */
@Component
public class Queue {

    /** The open reports of an organisation, worst first (parameters: organisation, limit). */
    static final String OPEN = """
            select * from triage_queue where organisation = ? and open
            order by immediate_danger desc, urgent desc, rank desc, known_media desc, matched_media desc, received_at, report_id
            limit ?""";

    /** The reports that left the queue in one state, newest first (parameters: organisation, state, limit). */
    static final String LEFT = """
            select * from triage_queue where organisation = ? and not open and state = ?
            order by received_at desc limit ?""";

    private final JdbcClient jdbc;

    Queue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One line of the queue. {@code risk}, {@code level} and {@code language} are empty until the report is scored;
     * {@code priority} is a person's, when one was set.
     */
    public record Entry(
            String receipt,
            Instant receivedAt,
            boolean immediateDanger,
            boolean urgent,
            Double risk,
            String level,
            String language,
            List<String> reasons,
            String priority,
            String platform,
            Integer childAge,
            String childCountry,
            int messages,
            int files,
            String status) {

        /** The urgency rules that fired, without the reporter's declaration (shown apart). */
        public List<String> rules() {
            return reasons.stream()
                    .filter(r -> !r.equals("immediate-danger-reported"))
                    .toList();
        }

        /** What the level means, in tenths of confirmed cases; empty when not scored or not measured. */
        public java.util.OptionalInt inTen() {
            return level == null ? java.util.OptionalInt.empty() : LevelMeaning.inTen(level, language);
        }
    }

    /** The open reports, worst first. */
    public List<Entry> of(UUID organisation, int limit) {
        return jdbc.sql(OPEN).params(organisation, limit).query(Queue::entry).list();
    }

    /** Reports that left the queue in this state ({@code referred} or {@code closed}), newest first. */
    public List<Entry> left(UUID organisation, String state, int limit) {
        return jdbc.sql(LEFT)
                .params(organisation, state, limit)
                .query(Queue::entry)
                .list();
    }

    private static Entry entry(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Entry(
                rs.getString("receipt"),
                rs.getTimestamp("received_at").toInstant(),
                rs.getBoolean("immediate_danger"),
                rs.getBoolean("urgent"),
                (Double) rs.getObject("risk"),
                rs.getString("level"),
                rs.getString("language"),
                List.of((String[]) rs.getArray("reasons").getArray()),
                rs.getString("priority"),
                rs.getString("platform"),
                (Integer) rs.getObject("child_age"),
                rs.getString("child_country"),
                rs.getInt("messages"),
                rs.getInt("files"),
                rs.getString("state"));
    }

    /** Records a person's priority for a report; the latest one counts. */
    void override(UUID reportId, UUID user, String priority, String reason) {
        jdbc.sql("insert into triage_override (report_id, user_id, priority, reason) values (?, ?, ?, ?)")
                .params(reportId, user, priority, reason)
                .update();
    }

    /** The overrides of a report, newest first. */
    public record Override(UUID user, Instant at, String priority, String reason) {}

    public List<Override> overrides(UUID reportId) {
        return jdbc.sql(
                        "select user_id, at, priority, reason from triage_override where report_id = ? order by at desc, id desc")
                .param(reportId)
                .query((rs, n) -> new Override(
                        rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4)))
                .list();
    }

    /** A report's triage as stored, for its page. */
    public record Triage(
            double risk,
            String level,
            boolean urgent,
            List<String> reasons,
            String explanation,
            Instant scoredAt,
            String scorer) {}

    public Optional<Triage> triage(UUID reportId) {
        return jdbc.sql(
                        "select risk, level, urgent, reasons, explanation, scored_at, scorer from report_triage where report_id = ?")
                .param(reportId)
                .query((rs, n) -> new Triage(
                        rs.getDouble(1),
                        rs.getString(2),
                        rs.getBoolean(3),
                        List.of((String[]) rs.getArray(4).getArray()),
                        rs.getString(5),
                        rs.getTimestamp(6).toInstant(),
                        rs.getString(7)))
                .optional();
    }
}
