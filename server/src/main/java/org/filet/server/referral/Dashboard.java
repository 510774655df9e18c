package org.filet.server.referral;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.filet.server.intake.Reports;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** An organisation's figures, all computed from what was recorded (never typed in). */
@Component
public class Dashboard {

    private final JdbcClient jdbc;
    private final Reports reports;
    private final Authorities authorities;

    Dashboard(JdbcClient jdbc, Reports reports, Authorities authorities) {
        this.jdbc = jdbc;
        this.reports = reports;
        this.authorities = authorities;
    }

    /**
     * A counted bar: {@code label} is shown as it is (a week, an authority's name); {@code key}, when not null, names
     * the message that words it instead (an outcome); {@code week}, when not null, is the Monday of the week counted.
     * {@code height} is out of 100, relative to the largest.
     */
    public record Bar(String label, String key, LocalDate week, long count, int height) {}

    /** A duration in words: {@code unit} is {@code minutes}, {@code hours} or {@code days}. */
    public record Span(String unit, double value) {

        static Span ofHours(Double hours) {
            if (hours == null) {
                return null;
            }
            if (hours < 1) {
                return new Span("minutes", Math.max(1, Math.round(hours * 60)));
            }
            return hours < 48 ? new Span("hours", hours) : new Span("days", hours / 24);
        }
    }

    /**
     * @param toFirstOpening median time from a report's receipt to the first time a person opened its page
     * @param opened         reports opened at least once
     * @param neverOpened    reports nobody opened yet
     * @param toReferral     median time from a report's receipt to the referral of a case holding it
     */
    public record Figures(
            List<Bar> reportsPerWeek,
            Span toFirstOpening,
            long opened,
            long neverOpened,
            Span toReferral,
            List<Bar> referralsPerAuthority,
            List<Bar> outcomes) {}

    public Figures of(UUID organisation) {
        List<Object[]> weeks = jdbc.sql("""
                        select date_trunc('week', received_at)::date as w, count(*) from report where organisation = ?
                        group by 1 order by 1 desc limit 12""")
                .param(organisation)
                .query((rs, n) -> new Object[] {rs.getDate(1).toLocalDate(), rs.getLong(2)})
                .list();
        Reports.FirstOpenings openings = reports.firstOpenings(organisation);
        Double toReferral =
                jdbc.sql("""
                        select percentile_cont(0.5) within group (order by extract(epoch from f.sent_at - r.received_at)) / 3600
                        from report r join case_report cr on cr.report_id = r.id join referral f on f.case_id = cr.case_id
                        where r.organisation = ?""").param(organisation).query(Double.class).optional().orElse(null);
        List<Object[]> perAuthority = jdbc.sql("""
                        select f.authority, count(*) from referral f join filet_case c on c.id = f.case_id
                        where c.organisation = ? group by 1 order by 2 desc""")
                .param(organisation)
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getLong(2)})
                .list();
        List<Object[]> outcomes = jdbc.sql("""
                        select o.kind, count(*) from referral_outcome o join referral f on f.id = o.referral_id
                        join filet_case c on c.id = f.case_id where c.organisation = ? group by 1 order by 2 desc""")
                .param(organisation)
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getLong(2)})
                .list();
        List<Object[]> oldestFirst = new ArrayList<>(weeks);
        Collections.reverse(oldestFirst);
        List<Object[]> weekRows = oldestFirst.stream()
                .map(w -> new Object[] {w[0].toString(), null, w[1], w[0]})
                .toList();
        List<Object[]> authorityRows = perAuthority.stream()
                .map(a -> new Object[] {
                    authorities
                            .find((String) a[0])
                            .map(Authorities.Authority::name)
                            .orElse((String) a[0]),
                    null,
                    a[1],
                    null
                })
                .toList();
        List<Object[]> outcomeRows = outcomes.stream()
                .map(o -> new Object[] {o[0], "referral.outcome." + o[0], o[1], null})
                .toList();
        return new Figures(
                bars(weekRows),
                Span.ofHours(openings.medianHours()),
                openings.opened(),
                openings.neverOpened(),
                Span.ofHours(toReferral),
                bars(authorityRows),
                bars(outcomeRows));
    }

    private static List<Bar> bars(List<Object[]> rows) {
        long max = rows.stream().mapToLong(r -> (Long) r[2]).max().orElse(1);
        return rows.stream()
                .map(r -> new Bar((String) r[0], (String) r[1], (LocalDate) r[3], (Long) r[2], (int)
                        Math.max(2, 100 * (Long) r[2] / Math.max(1, max))))
                .toList();
    }
}
