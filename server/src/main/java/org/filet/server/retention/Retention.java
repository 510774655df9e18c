package org.filet.server.retention;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.filet.server.evidence.CustodyEvent;
import org.filet.server.evidence.CustodyLedger;
import org.filet.server.evidence.EvidenceStore;
import org.filet.server.intake.Reports;
import org.filet.server.support.Components;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies every organisation's retention rules. A report is due when all its cases are closed without referral for
 * longer than the organisation's {@code closed-without-referral} period, or when all its cases were referred and the
 * authority's last outcome is older than its {@code referred} period. A due report's objects (files and what was
 * derived from them) are crypto-shredded, unless another report still needs the same bytes; the custody ledger gets a
 * {@code deleted-by-retention} event naming the objects and the rule, recorded before the keys are destroyed. A report
 * in a case on legal hold is never touched. Contact details of closed reports are erased when the organisation asks for it.
 */
@Component
public class Retention {

    static final String ACTOR = Components.actor("retention");
    static final String CLOSED_WITHOUT_REFERRAL = "closed-without-referral";
    static final String REFERRED = "referred-after-last-outcome";
    static final String CONTACT_ON_CLOSE = "contact-on-close";

    private static final Logger log = LoggerFactory.getLogger(Retention.class);

    /** What a run deleted (or would delete). */
    public record Deletion(String receipt, String rule, List<String> objects, List<String> keptForOtherReports) {}

    public record Result(
            boolean dryRun,
            List<Deletion> deletions,
            List<String> contactsErased,
            List<String> held,
            List<String> problems) {
        public int objects() {
            return deletions.stream().mapToInt(d -> d.objects().size()).sum();
        }
    }

    private record Due(UUID id, String receipt, String rule) {}

    private static final String HELD = """
            exists (select 1 from case_report hc where hc.report_id = r.id and
                    (select h.action from legal_hold_event h where h.case_id = hc.case_id order by h.id desc limit 1) = 'set')""";

    private static final String CLOSED_UNREFERRED_SQL = """
            select r.id, r.receipt, %s as held from report r
            join retention_policy p on p.organisation = r.organisation and p.closed_unreferred_months is not null
            where exists (select 1 from case_report cr where cr.report_id = r.id)
              and not exists (select 1 from case_report cr join filet_case c on c.id = cr.case_id where cr.report_id = r.id
                              and (c.status <> 'closed' or exists (select 1 from referral f where f.case_id = c.id)))
              and (select max(t.at) from case_transition t join case_report cr on cr.case_id = t.case_id
                   where cr.report_id = r.id and t.to_status = 'closed') < ?::timestamptz - make_interval(months => p.closed_unreferred_months)
            order by r.received_at""".formatted(HELD);

    private static final String REFERRED_SQL = """
            select r.id, r.receipt, %s as held from report r
            join retention_policy p on p.organisation = r.organisation and p.referred_years is not null
            where exists (select 1 from case_report cr where cr.report_id = r.id)
              and not exists (select 1 from case_report cr where cr.report_id = r.id and not exists (
                              select 1 from referral f join referral_outcome o on o.referral_id = f.id where f.case_id = cr.case_id))
              and (select max(o.on_date) from case_report cr join referral f on f.case_id = cr.case_id
                   join referral_outcome o on o.referral_id = f.id where cr.report_id = r.id)
                  < (?::timestamptz - make_interval(years => p.referred_years))::date
            order by r.received_at""".formatted(HELD);

    private static final String CONTACT_SQL = """
            select r.id, r.receipt, %s as held from report r
            left join retention_policy p on p.organisation = r.organisation
            where coalesce(p.contact_on_close, true) and (r.reporter_contact is not null or r.reporter_notify)
              and (r.status = 'closed' or (exists (select 1 from case_report cr where cr.report_id = r.id)
                   and not exists (select 1 from case_report cr join filet_case c on c.id = cr.case_id
                                   where cr.report_id = r.id and c.status <> 'closed')))
            order by r.received_at""".formatted(HELD);

    private final JdbcClient jdbc;
    private final EvidenceStore store;
    private final CustodyLedger custody;
    private final Reports reports;
    private final TransactionTemplate transactions;

    Retention(
            JdbcClient jdbc,
            EvidenceStore store,
            CustodyLedger custody,
            Reports reports,
            TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.store = store;
        this.custody = custody;
        this.reports = reports;
        this.transactions = transactions;
    }

    /** Applies the rules as of {@code now}; with {@code dryRun}, only says what it would do. */
    public Result run(boolean dryRun, Instant now) {
        List<String> held = new ArrayList<>();
        Map<UUID, Due> due = new LinkedHashMap<>();
        collect(CLOSED_UNREFERRED_SQL, CLOSED_WITHOUT_REFERRAL, now, due, held);
        collect(REFERRED_SQL, REFERRED, now, due, held);
        List<Deletion> deletions = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Due d : due.values()) {
            List<String> objects = new ArrayList<>();
            List<String> kept = new ArrayList<>();
            for (String sha : objectsOf(d)) {
                (neededElsewhere(sha, due.keySet()) ? kept : objects).add(sha);
            }
            if (objects.isEmpty()) {
                continue; // already shredded by an earlier run
            }
            deletions.add(new Deletion(d.receipt(), d.rule(), objects, kept));
            if (!dryRun) {
                shred(d, objects, problems);
            }
        }
        List<String> erased = new ArrayList<>();
        jdbc.sql(CONTACT_SQL)
                .query((rs, n) -> {
                    if (rs.getBoolean("held")) {
                        held.add(rs.getString("receipt"));
                    } else {
                        erased.add(rs.getString("receipt"));
                    }
                    return null;
                })
                .list();
        if (!dryRun) {
            erased.forEach(receipt -> reports.eraseContact(receipt, "retention rule " + CONTACT_ON_CLOSE));
        }
        return new Result(dryRun, deletions, erased, held.stream().distinct().toList(), problems);
    }

    private void collect(String sql, String rule, Instant now, Map<UUID, Due> due, List<String> held) {
        jdbc.sql(sql)
                .param(Timestamp.from(now))
                .query((rs, n) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    if (rs.getBoolean("held")) {
                        held.add(rs.getString("receipt"));
                    } else {
                        due.putIfAbsent(id, new Due(id, rs.getString("receipt"), rule));
                    }
                    return null;
                })
                .list();
    }

    /** The stored objects a report's custody record names (its files and what was derived from them), not yet shredded. */
    private List<String> objectsOf(Due d) {
        return jdbc.sql("""
                        select distinct o.sha256 from evidence_object o
                        where (o.sha256 in (select f.sha256 from report_file f where f.report_id = ?)
                               or o.sha256 in (select unnest(e.outputs) from custody_event e where e.subject = ?))
                          and not exists (select 1 from retention_deletion x where x.sha256 = o.sha256)
                        order by o.sha256""")
                .params(d.id(), Reports.subject(d.receipt()))
                .query((rs, n) -> rs.getString(1).trim())
                .list();
    }

    /** Whether a report that is not being deleted holds the same bytes. */
    private boolean neededElsewhere(String sha, java.util.Set<UUID> deleting) {
        return jdbc
                .sql("select report_id from report_file where sha256 = ?")
                .param(sha)
                .query(UUID.class)
                .list()
                .stream()
                .anyMatch(other -> !deleting.contains(other));
    }

    /** Records the deletion (custody event and retention row, one transaction), then destroys the keys. */
    private void shred(Due d, List<String> objects, List<String> problems) {
        transactions.executeWithoutResult(status -> {
            custody.append(new CustodyEvent(
                    CustodyEvent.Actions.DELETED_BY_RETENTION,
                    ACTOR,
                    Reports.subject(d.receipt()),
                    objects,
                    List.of(),
                    "retention rule " + d.rule()));
            for (String sha : objects) {
                jdbc.sql("insert into retention_deletion (sha256, report_id, rule) values (?, ?, ?)")
                        .params(sha, d.id(), d.rule())
                        .update();
            }
        });
        for (String sha : objects) {
            try {
                store.shred(sha);
            } catch (IOException | RuntimeException e) {
                log.warn(
                        "object {} of report {} could not be shredded: {}",
                        sha,
                        d.receipt(),
                        e.getClass().getSimpleName());
                problems.add("object " + sha + " of " + d.receipt() + ": not shredded ("
                        + e.getClass().getSimpleName() + ")");
            }
        }
    }
}
