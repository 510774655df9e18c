package org.filet.server.triage;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The analyst queue of an organisation, worst first: urgent (an urgency rule fired, or the reporter said the child is
 * in immediate danger, or a person set it), then by risk (or the priority a person set), then by known-media matches
 * (hash lists, then other reports' pictures), then newest. Reports not scored yet sit at the middle risk until they are.
 * A read model over intake's reports and triage's scores.
 */
@Component
public class Queue {

    private final JdbcClient jdbc;

    Queue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One line of the queue. {@code risk} and {@code level} are empty until the report is scored. */
    public record Entry(String receipt, Instant receivedAt, boolean immediateDanger, boolean urgent, Double risk,
                        String level, String platform, Integer childAge, String childCountry, int messages, int files,
                        String status) {
    }

    public List<Entry> of(UUID organisation, int limit) {
        return jdbc.sql("""
                        select r.receipt, r.received_at, r.immediate_danger,
                               coalesce(o.priority = 'urgent', r.immediate_danger or coalesce(t.urgent, false)) as urgent,
                               t.risk, coalesce(o.priority, t.level) as level, o.priority as override,
                               r.platform, r.child_age, r.child_country, r.status,
                               (select count(*) from report_message m where m.report_id = r.id) as messages,
                               (select count(*) from report_file f where f.report_id = r.id) as files
                        from report r left join report_triage t on t.report_id = r.id
                        left join lateral (select priority from triage_override x where x.report_id = r.id
                                           order by x.at desc, x.id desc limit 1) o on true
                        where r.organisation = ?
                        order by 4 desc,
                                 case o.priority when 'high' then 0.85 when 'medium' then 0.5 when 'low' then 0.05
                                                 else coalesce(t.risk, 0.5) end desc,
                                 (select count(*) from media_list_match k where k.report_id = r.id) desc,
                                 (select count(*) from media_match k where k.report_id = r.id) desc,
                                 r.received_at desc
                        limit ?""")
                .params(organisation, limit)
                .query((rs, n) -> new Entry(rs.getString("receipt"), rs.getTimestamp("received_at").toInstant(),
                        rs.getBoolean("immediate_danger"), rs.getBoolean("urgent"), (Double) rs.getObject("risk"),
                        rs.getString("level"), rs.getString("platform"), (Integer) rs.getObject("child_age"),
                        rs.getString("child_country"), rs.getInt("messages"), rs.getInt("files"), rs.getString("status")))
                .list();
    }

    /** Records a person's priority for a report; the latest one counts. */
    void override(UUID reportId, UUID user, String priority, String reason) {
        jdbc.sql("insert into triage_override (report_id, user_id, priority, reason) values (?, ?, ?, ?)")
                .params(reportId, user, priority, reason).update();
    }

    /** The overrides of a report, newest first. */
    public record Override(UUID user, Instant at, String priority, String reason) {
    }

    public List<Override> overrides(UUID reportId) {
        return jdbc.sql("select user_id, at, priority, reason from triage_override where report_id = ? order by at desc, id desc")
                .param(reportId)
                .query((rs, n) -> new Override(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4)))
                .list();
    }

    /** A report's triage as stored, for its page. */
    public record Triage(double risk, String level, boolean urgent, List<String> reasons, String explanation,
                         Instant scoredAt, String scorer) {
    }

    public Optional<Triage> triage(UUID reportId) {
        return jdbc.sql("select risk, level, urgent, reasons, explanation, scored_at, scorer from report_triage where report_id = ?")
                .param(reportId)
                .query((rs, n) -> new Triage(rs.getDouble(1), rs.getString(2), rs.getBoolean(3),
                        List.of((String[]) rs.getArray(4).getArray()), rs.getString(5), rs.getTimestamp(6).toInstant(),
                        rs.getString(7)))
                .optional();
    }
}
