package org.filet.server.referral;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** An organisation's figures, all computed from what was recorded (never typed in). */
@Component
public class Dashboard {

    private final JdbcClient jdbc;

    Dashboard(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A labelled count, with its bar's height out of 100 relative to the largest. */
    public record Bar(String label, long count, int height) {
    }

    public record Figures(List<Bar> reportsPerWeek, Double medianHoursToTriage, Double medianHoursToReferral,
                          List<Bar> referralsPerAuthority, List<Bar> outcomes) {
    }

    public Figures of(UUID organisation) {
        List<Object[]> weeks = jdbc.sql("""
                        select date_trunc('week', received_at)::date as w, count(*) from report where organisation = ?
                        group by 1 order by 1 desc limit 12""")
                .param(organisation).query((rs, n) -> new Object[] {rs.getDate(1).toLocalDate(), rs.getLong(2)}).list();
        Double toTriage = jdbc.sql("""
                        select percentile_cont(0.5) within group (order by extract(epoch from t.scored_at - r.received_at)) / 3600
                        from report r join report_triage t on t.report_id = r.id where r.organisation = ?""")
                .param(organisation).query(Double.class).optional().orElse(null);
        Double toReferral = jdbc.sql("""
                        select percentile_cont(0.5) within group (order by extract(epoch from f.sent_at - r.received_at)) / 3600
                        from report r join case_report cr on cr.report_id = r.id join referral f on f.case_id = cr.case_id
                        where r.organisation = ?""")
                .param(organisation).query(Double.class).optional().orElse(null);
        List<Object[]> perAuthority = jdbc.sql("""
                        select f.authority, count(*) from referral f join filet_case c on c.id = f.case_id
                        where c.organisation = ? group by 1 order by 2 desc""")
                .param(organisation).query((rs, n) -> new Object[] {rs.getString(1), rs.getLong(2)}).list();
        List<Object[]> outcomes = jdbc.sql("""
                        select o.kind, count(*) from referral_outcome o join referral f on f.id = o.referral_id
                        join filet_case c on c.id = f.case_id where c.organisation = ? group by 1 order by 2 desc""")
                .param(organisation).query((rs, n) -> new Object[] {rs.getString(1), rs.getLong(2)}).list();
        List<Object[]> oldestFirst = new java.util.ArrayList<>(weeks);
        java.util.Collections.reverse(oldestFirst);
        return new Figures(bars(oldestFirst.stream().map(w -> new Object[] {((LocalDate) w[0]).toString(), w[1]}).toList()),
                toTriage, toReferral, bars(perAuthority), bars(outcomes));
    }

    private static List<Bar> bars(List<Object[]> rows) {
        long max = rows.stream().mapToLong(r -> (Long) r[1]).max().orElse(1);
        return rows.stream().map(r -> new Bar((String) r[0], (Long) r[1], (int) Math.max(2, 100 * (Long) r[1] / Math.max(1, max))))
                .toList();
    }
}
