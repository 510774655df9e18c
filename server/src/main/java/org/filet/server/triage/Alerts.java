package org.filet.server.triage;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Alerts raised by urgent reports, shown to the organisation's staff until a lead acknowledges them. */
@Component
public class Alerts {

    private final JdbcClient jdbc;

    Alerts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Alert(long id, String receipt, Instant createdAt, List<String> reasons) {}

    /** Raises the alert of a report once (a report rescored as urgent again raises nothing new). */
    void raise(UUID reportId, UUID organisation, List<String> reasons) {
        jdbc.sql(
                        "insert into triage_alert (report_id, organisation, reasons) values (?, ?, ?) on conflict (report_id) do nothing")
                .params(reportId, organisation, reasons.toArray(String[]::new))
                .update();
    }

    public List<Alert> open(UUID organisation) {
        return jdbc.sql("""
                        select a.id, q.receipt, a.created_at, a.reasons from triage_alert a join triage_queue q on q.report_id = a.report_id
                        where a.organisation = ? and a.acknowledged_at is null order by a.created_at""")
                .param(organisation)
                .query((rs, n) -> new Alert(
                        rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(), List.of((String[])
                                rs.getArray(4).getArray())))
                .list();
    }

    /** Acknowledges an alert of the organisation; false if there is no such open alert. */
    boolean acknowledge(long id, UUID organisation, UUID user) {
        return jdbc.sql("""
                        update triage_alert set acknowledged_by = ?, acknowledged_at = now()
                        where id = ? and organisation = ? and acknowledged_at is null""").params(user, id, organisation).update() == 1;
    }
}
