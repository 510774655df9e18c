package org.filet.server.triage;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.filet.server.intake.ReportReceived;
import org.filet.server.intake.Reports;
import org.filet.server.media.Matches;
import org.filet.server.support.JobHandler;
import org.filet.server.support.Jobs;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps triage's queue read model ({@code triage_queue}): one row per report, rebuilt from intake's and media's public
 * interfaces and triage's own score and priority whenever one of them changes — the {@code report-changed} job
 * (received, files added, status changed), a new score, a person's priority. Idempotent: the row is recomputed whole.
 */
@Component
class QueueEntries implements JobHandler {

    private final Reports reports;
    private final Matches matches;
    private final Jobs jobs;
    private final JdbcClient jdbc;

    QueueEntries(Reports reports, Matches matches, Jobs jobs, JdbcClient jdbc) {
        this.reports = reports;
        this.matches = matches;
        this.jobs = jobs;
        this.jdbc = jdbc;
    }

    @Override
    public String kind() {
        return ReportReceived.QUEUE_JOB;
    }

    @Override
    public void run(String subject) {
        refresh(UUID.fromString(subject));
    }

    /**
     * Brings the rows of reports whose {@code report-changed} job still waits (behind slower analysis jobs) up to date
     * before the queue is read, so that a report just received — above all one in immediate danger — is in the queue at
     * once. The jobs themselves still run later and find nothing new (the row is recomputed whole).
     */
    void catchUp() {
        List<String> waiting = jobs.waitingSubjects(ReportReceived.QUEUE_JOB, 1000);
        for (String subject : waiting) {
            refresh(UUID.fromString(subject));
        }
    }

    /** Rewrites the report's queue row; call it in the transaction of the change. */
    void refresh(UUID reportId) {
        Optional<Reports.ReportDetail> found = reports.detailById(reportId);
        if (found.isEmpty()) {
            return;
        }
        Reports.ReportDetail r = found.get();
        UUID organisation = reports.organisationOf(reportId).orElseThrow();
        record Score(double risk, String level, boolean urgent, List<String> reasons, String explanation) {}
        Optional<Score> score = jdbc.sql(
                        "select risk, level, urgent, reasons, explanation from report_triage where report_id = ?")
                .param(reportId)
                .query((rs, n) -> new Score(
                        rs.getDouble(1),
                        rs.getString(2),
                        rs.getBoolean(3),
                        List.of((String[]) rs.getArray(4).getArray()),
                        rs.getString(5)))
                .optional();
        String priority = jdbc.sql(
                        "select priority from triage_override where report_id = ? order by at desc, id desc limit 1")
                .param(reportId)
                .query(String.class)
                .optional()
                .orElse(null);
        boolean urgent = priority != null
                ? priority.equals("urgent")
                : r.immediateDanger() || score.map(Score::urgent).orElse(false);
        String rankedBy = priority != null
                ? (priority.equals("urgent") ? "high" : priority)
                : score.map(Score::level).orElse("medium");
        int rank = switch (rankedBy) {
            case "high" -> 3;
            case "low" -> 1;
            default -> 2;
        };
        String language =
                score.map(s -> TriageView.leadingLanguage(s.explanation())).orElse(null);
        boolean open = !r.status().equals("referred") && !r.status().equals("closed");
        int messageCount = r.messages().size();
        jdbc.sql("""
                        insert into triage_queue (report_id, organisation, receipt, received_at, immediate_danger, urgent, rank,
                            known_media, matched_media, state, open, level, risk, language, reasons, priority, platform,
                            child_age, child_country, messages, files, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now())
                        on conflict (report_id) do update set immediate_danger = excluded.immediate_danger,
                            urgent = excluded.urgent, rank = excluded.rank, known_media = excluded.known_media,
                            matched_media = excluded.matched_media, state = excluded.state, open = excluded.open,
                            level = excluded.level, risk = excluded.risk, language = excluded.language,
                            reasons = excluded.reasons, priority = excluded.priority, platform = excluded.platform,
                            child_age = excluded.child_age, child_country = excluded.child_country,
                            messages = excluded.messages, files = excluded.files, updated_at = now()""")
                .params(
                        reportId,
                        organisation,
                        r.receipt(),
                        java.sql.Timestamp.from(r.receivedAt()),
                        r.immediateDanger(),
                        urgent,
                        rank,
                        matches.known(reportId).size(),
                        matches.of(reportId, organisation).size(),
                        r.status(),
                        open,
                        score.map(Score::level).orElse(null),
                        score.map(Score::risk).orElse(null),
                        language,
                        score.map(Score::reasons).orElse(List.of()).toArray(String[]::new),
                        priority,
                        r.platform(),
                        r.childAge(),
                        r.childCountry(),
                        messageCount,
                        r.files().size())
                .update();
    }
}
