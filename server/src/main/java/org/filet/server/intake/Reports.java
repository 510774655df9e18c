package org.filet.server.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.filet.server.evidence.CustodyEvent;
import org.filet.server.evidence.CustodyLedger;
import org.filet.server.evidence.EvidenceCatalogue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Reports as stored: the reporter's status, one report in full, and files added later. */
@Component
public class Reports {

    private final JdbcClient jdbc;
    private final CustodyLedger ledger;
    private final EvidenceCatalogue catalogue;
    private final org.filet.server.support.Jobs jobs;

    private final StatusMail statusMail;

    Reports(
            JdbcClient jdbc,
            CustodyLedger ledger,
            EvidenceCatalogue catalogue,
            org.filet.server.support.Jobs jobs,
            StatusMail statusMail) {
        this.statusMail = statusMail;
        this.jobs = jobs;
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.catalogue = catalogue;
    }

    /** What a reporter may know about their report. */
    public record ReporterStatus(
            String receipt,
            String status,
            Instant receivedAt,
            int files,
            boolean immediateDanger,
            String childCountry,
            boolean passedToPolice) {}

    /** A report in full, for staff of its organisation. */
    public record ReportDetail(
            UUID id,
            String receipt,
            Instant receivedAt,
            String channel,
            String reporterRole,
            String reporterLanguage,
            String reporterContact,
            Integer childAge,
            String childCountry,
            String platform,
            String description,
            boolean immediateDanger,
            String status,
            String submissionSha256,
            List<Message> messages,
            List<Account> accounts,
            List<Contact> contacts,
            List<FileEntry> files,
            String childNameInConversation,
            Facts facts) {

        /** The same report holding only the given files (what a second person approved to leave). */
        public ReportDetail withOnlyFiles(java.util.Set<String> sha256s) {
            return new ReportDetail(
                    id,
                    receipt,
                    receivedAt,
                    channel,
                    reporterRole,
                    reporterLanguage,
                    reporterContact,
                    childAge,
                    childCountry,
                    platform,
                    description,
                    immediateDanger,
                    status,
                    submissionSha256,
                    messages,
                    accounts,
                    contacts,
                    files.stream().filter(f -> sha256s.contains(f.sha256())).toList(),
                    childNameInConversation,
                    facts);
        }
    }

    /**
     * What the reporter said of the facts: when (a day, or about a month), the age the suspect claimed, and the
     * child's own accounts (never suspect identifiers). Every part is optional.
     */
    public record Facts(
            java.time.LocalDate date, boolean aboutMonth, Integer suspectClaimedAge, List<ChildAccount> childAccounts) {

        /** The date as written for people: {@code 3 novembre 2026}, or {@code novembre 2026 (environ)}. */
        public String dateText(java.util.Locale locale) {
            if (date == null) {
                return null;
            }
            String pattern = aboutMonth ? "LLLL yyyy" : "d MMMM yyyy";
            return java.time.format.DateTimeFormatter.ofPattern(pattern, locale).format(date);
        }
    }

    /** An account of the child's own on a platform. */
    public record ChildAccount(String platform, String handle) {}

    public record Message(int position, String at, String from, String sender, String text) {}

    public record Account(String platform, String handle, String url, String displayName) {}

    public record Contact(String kind, String value) {}

    public record FileEntry(
            int position,
            String sha256,
            long size,
            String originalName,
            String mediaType,
            String declaredType,
            boolean typeMismatch,
            Instant receivedAt) {}

    /**
     * Sets the reporter-visible status of reports (received, in_review, referred, closed). Only the plain status: the
     * reporter never sees who, which authority, or any detail that could harm an investigation.
     */
    public void setStatus(java.util.Collection<String> receipts, String status) {
        if (!java.util.Set.of("received", "in_review", "referred", "closed").contains(status)) {
            throw new IllegalArgumentException("unknown report status");
        }
        for (String receipt : receipts) {
            jdbc.sql("update report set status = ? where receipt = ? returning id")
                    .params(status, receipt)
                    .query(UUID.class)
                    .optional()
                    .ifPresent(id -> jobs.enqueue(ReportReceived.QUEUE_JOB, id.toString()));
            jdbc.sql("select reporter_contact, reporter_language from report where receipt = ? and reporter_notify")
                    .param(receipt)
                    .query((rs, n) -> {
                        statusMail.send(rs.getString(1), rs.getString(2), receipt, status);
                        return null;
                    })
                    .list();
        }
    }

    /** Why a reporter's contact details were erased at their request. */
    public static final String CONTACT_ERASED_ON_REQUEST = "asked by the reporter";

    /**
     * Erases the reporter's contact details (and their wish to be told by e-mail) from a report, and records when and
     * why. Returns whether there was anything to erase. The exact submission kept as evidence is not rewritten.
     */
    @Transactional
    public boolean eraseContact(String receipt, String reason) {
        int erased = jdbc.sql("""
                        update report set reporter_contact = null, reporter_notify = false
                        where receipt = ? and (reporter_contact is not null or reporter_notify)""").param(receipt).update();
        if (erased > 0) {
            jdbc.sql("insert into report_contact_erasure (receipt, reason) values (?, ?)")
                    .params(receipt, reason)
                    .update();
        }
        return erased > 0;
    }

    /** A report's id by its receipt. */
    public Optional<UUID> idOf(String receipt) {
        return jdbc.sql("select id from report where receipt = ?")
                .param(receipt)
                .query(UUID.class)
                .optional();
    }

    /** The organisation a report belongs to. */
    public Optional<UUID> organisationOf(UUID reportId) {
        return jdbc.sql("select organisation from report where id = ?")
                .param(reportId)
                .query(UUID.class)
                .optional();
    }

    /** The receipt of a report, by its id. */
    public Optional<String> receiptOf(UUID reportId) {
        return jdbc.sql("select receipt from report where id = ?")
                .param(reportId)
                .query(String.class)
                .optional();
    }

    /** What another capability may show of a report it refers to: its number, organisation and arrival. */
    public record Heading(UUID id, String receipt, UUID organisation, Instant receivedAt) {}

    /** The headings of the given reports (those that exist), by id. */
    public Map<UUID, Heading> headings(Collection<UUID> ids) {
        Map<UUID, Heading> headings = new HashMap<>();
        if (ids.isEmpty()) {
            return headings;
        }
        jdbc.sql("select id, receipt, organisation, received_at from report where id = any (?)")
                .param(ids.stream().distinct().toArray(UUID[]::new))
                .query((rs, n) -> headings.put(
                        rs.getObject(1, UUID.class),
                        new Heading(
                                rs.getObject(1, UUID.class),
                                rs.getString(2),
                                rs.getObject(3, UUID.class),
                                rs.getTimestamp(4).toInstant())))
                .list();
        return headings;
    }

    /** The custody subject of a report. */
    public static String subject(String receipt) {
        return "report:" + receipt;
    }

    ReporterStatus status(String receipt, String accessCode) {
        record Row(
                String accessCodeHash,
                String status,
                Instant receivedAt,
                int files,
                boolean immediateDanger,
                String childCountry,
                boolean referred) {}
        Optional<Row> row = jdbc.sql("""
                        select r.access_code_hash, r.status, r.received_at, r.immediate_danger, r.child_country,
                               (select count(*) from report_file f where f.report_id = r.id) as files
                        from report r where r.receipt = ?""")
                .param(receipt)
                .query((rs, n) -> new Row(
                        rs.getString("access_code_hash"),
                        rs.getString("status"),
                        rs.getTimestamp("received_at").toInstant(),
                        rs.getInt("files"),
                        rs.getBoolean("immediate_danger"),
                        rs.getString("child_country"),
                        false))
                .optional();
        String presented = Receipts.hashAccessCode(receipt, accessCode);
        if (row.isEmpty()
                || !MessageDigest.isEqual(
                        row.get().accessCodeHash().getBytes(StandardCharsets.US_ASCII),
                        presented.getBytes(StandardCharsets.US_ASCII))) {
            throw new IntakeProblems.ReportNotFound();
        }
        Row r = row.get();
        return new ReporterStatus(
                receipt,
                r.status(),
                r.receivedAt(),
                r.files(),
                r.immediateDanger(),
                r.childCountry(),
                ledger.recorded(subject(receipt), CustodyEvent.Actions.REFERRED));
    }

    /** A report by its id, whatever its organisation: for the platform's own jobs, never for a request. */
    public Optional<ReportDetail> detailById(UUID reportId) {
        return jdbc.sql("select organisation, receipt from report where id = ?")
                .param(reportId)
                .query((rs, n) -> detail(rs.getObject(1, UUID.class), rs.getString(2)))
                .optional()
                .flatMap(d -> d);
    }

    /** A report of the given organisation; empty if it does not exist or belongs to another organisation. */
    public Optional<ReportDetail> detail(UUID organisation, String receipt) {
        return jdbc.sql("""
                        select id, receipt, received_at, channel, reporter_role, reporter_language, reporter_contact,
                               child_age, child_country, platform, description, immediate_danger, status, submission_sha256,
                               child_name_in_conversation, facts_date, facts_month, suspect_claimed_age
                        from report where receipt = ? and organisation = ?""")
                .params(receipt, organisation)
                .query((rs, n) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    return new ReportDetail(
                            id,
                            rs.getString("receipt"),
                            rs.getTimestamp("received_at").toInstant(),
                            rs.getString("channel"),
                            rs.getString("reporter_role"),
                            rs.getString("reporter_language"),
                            rs.getString("reporter_contact"),
                            (Integer) rs.getObject("child_age"),
                            rs.getString("child_country"),
                            rs.getString("platform"),
                            rs.getString("description"),
                            rs.getBoolean("immediate_danger"),
                            rs.getString("status"),
                            rs.getString("submission_sha256"),
                            List.of(),
                            List.of(),
                            List.of(),
                            List.of(),
                            rs.getString("child_name_in_conversation"),
                            new Facts(
                                    rs.getObject("facts_date", java.time.LocalDate.class),
                                    rs.getBoolean("facts_month"),
                                    (Integer) rs.getObject("suspect_claimed_age"),
                                    List.of()));
                })
                .optional()
                .map(this::withParts);
    }

    private ReportDetail withParts(ReportDetail d) {
        List<Message> messages = jdbc.sql(
                        "select position, sent_at, from_role, sender, body from report_message where report_id = ? order by position")
                .param(d.id())
                .query((rs, n) ->
                        new Message(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                .list();
        List<Account> accounts = jdbc.sql(
                        "select platform, handle, url, display_name from report_account where report_id = ? order by position")
                .param(d.id())
                .query(Account.class)
                .list();
        List<Contact> contacts = jdbc.sql(
                        "select kind, value from report_contact where report_id = ? order by position")
                .param(d.id())
                .query(Contact.class)
                .list();
        List<FileEntry> files = files(d.id());
        List<ChildAccount> own = jdbc.sql(
                        "select platform, handle from report_child_account where report_id = ? order by position")
                .param(d.id())
                .query(ChildAccount.class)
                .list();
        Facts facts =
                new Facts(d.facts().date(), d.facts().aboutMonth(), d.facts().suspectClaimedAge(), own);
        return new ReportDetail(
                d.id(),
                d.receipt(),
                d.receivedAt(),
                d.channel(),
                d.reporterRole(),
                d.reporterLanguage(),
                d.reporterContact(),
                d.childAge(),
                d.childCountry(),
                d.platform(),
                d.description(),
                d.immediateDanger(),
                d.status(),
                d.submissionSha256(),
                messages,
                accounts,
                contacts,
                files,
                d.childNameInConversation(),
                facts);
    }

    /** A report's description or one of its pasted messages that holds every word searched for. */
    public record TextMatch(String receipt, Instant receivedAt, String source, String window) {}

    /** A report of the organisation as a list shows it. */
    public record Summary(UUID id, String receipt, Instant receivedAt) {}

    /** The reports of {@code organisation} among {@code ids}, newest first (others are left out). */
    public List<Summary> summaries(UUID organisation, java.util.Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(
                        "select id, receipt, received_at from report where id = any (?) and organisation = ? order by received_at desc")
                .params(ids.toArray(UUID[]::new), organisation)
                .query((rs, n) -> new Summary(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getTimestamp(3).toInstant()))
                .list();
    }

    /**
     * Descriptions and pasted messages of the organisation's reports that match {@code websearch} (linking's French and
     * English full-text configurations, accents ignored) and match {@code wordsPattern} (a regular expression over
     * their lower-cased, unaccented text that requires every word searched at the start of a word): what is shown always contains what was searched. One match per report (its
     * description first), newest first; each with a window of its text around where {@code firstPattern} matches.
     */
    public List<TextMatch> textsMatching(
            UUID organisation, String websearch, String wordsPattern, String firstPattern, int limit) {
        return jdbc.sql("""
                        with q as (select websearch_to_tsquery('filet_fr', :q) || websearch_to_tsquery('filet_en', :q) as tq),
                        hits as (
                            select r.receipt, r.received_at, 'description' as source, r.description as body, 0 as position
                            from report r, q
                            where r.organisation = :org and r.description is not null
                              and (to_tsvector('filet_fr', coalesce(r.description, '')) || to_tsvector('filet_en', coalesce(r.description, ''))) @@ q.tq
                            union all
                            select r.receipt, r.received_at, 'message', m.body, m.position + 1
                            from report_message m join report r on r.id = m.report_id, q
                            where r.organisation = :org and (to_tsvector('filet_fr', m.body) || to_tsvector('filet_en', m.body)) @@ q.tq),
                        true_hits as (
                            select * from hits h where lower(unaccent(h.body)) ~ :pattern)
                        select * from (
                            select distinct on (receipt) receipt, received_at, source,
                                   substr(body, greatest(1, regexp_instr(lower(unaccent(body)), :first) - 120), 480) as window
                            from true_hits order by receipt, position) one
                        order by received_at desc limit :limit""")
                .param("q", websearch)
                .param("org", organisation)
                .param("pattern", wordsPattern)
                .param("first", firstPattern)
                .param("limit", limit)
                .query((rs, n) -> new TextMatch(
                        rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4)))
                .list();
    }

    /** The files of a report, in the order received. */
    public List<FileEntry> files(UUID reportId) {
        return jdbc.sql("""
                        select position, sha256, size, original_name, media_type, declared_type, type_mismatch, received_at
                        from report_file where report_id = ? order by position""")
                .param(reportId)
                .query((rs, n) -> new FileEntry(
                        rs.getInt(1),
                        rs.getString(2),
                        rs.getLong(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getBoolean(7),
                        rs.getTimestamp(8).toInstant()))
                .list();
    }

    /** Records that a member of staff opened a report: in the report's view list and in the custody record. */
    @Transactional
    public void recordView(ReportDetail report, UUID userId, String actor) {
        jdbc.sql("insert into report_view (report_id, user_id) values (?, ?)")
                .params(report.id(), userId)
                .update();
        java.util.Set<String> unique = new java.util.LinkedHashSet<>();
        unique.add(report.submissionSha256());
        report.files().forEach(f -> unique.add(f.sha256()));
        List<String> objects = new ArrayList<>(unique);
        ledger.append(new CustodyEvent(
                CustodyEvent.Actions.VIEWED,
                actor,
                subject(report.receipt()),
                objects,
                List.of(),
                "report page opened"));
    }

    /** Who opened the report and when, newest first. */
    public List<View> views(UUID reportId) {
        return jdbc.sql("select user_id, viewed_at from report_view where report_id = ? order by viewed_at desc")
                .param(reportId)
                .query((rs, n) ->
                        new View(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant()))
                .list();
    }

    public record View(UUID user, Instant at) {}

    /**
     * How long reports waited before a person first opened them: the median, in hours, from receipt to the first
     * opening of the report's page, over the organisation's reports opened at least once (null when none was), and how
     * many reports were never opened.
     */
    public record FirstOpenings(Double medianHours, long opened, long neverOpened) {}

    public FirstOpenings firstOpenings(UUID organisation) {
        return jdbc.sql("""
                        select percentile_cont(0.5) within group (order by extract(epoch from v.first - r.received_at)) / 3600,
                               count(v.first), count(*) - count(v.first)
                        from report r
                        left join (select report_id, min(viewed_at) as first from report_view group by report_id) v
                               on v.report_id = r.id
                        where r.organisation = ?""")
                .param(organisation)
                .query((rs, n) -> new FirstOpenings(
                        rs.getObject(1) == null ? null : rs.getDouble(1), rs.getLong(2), rs.getLong(3)))
                .single();
    }

    /** Adds already-stored files to a report whose access code matches; returns the files added. */
    @Transactional
    List<IncomingFile> addFiles(String receipt, String accessCode, List<IncomingFile> files) {
        status(receipt, accessCode);
        UUID id = jdbc.sql("select id from report where receipt = ? for update")
                .param(receipt)
                .query(UUID.class)
                .single();
        int next = jdbc.sql("select coalesce(max(position) + 1, 0) from report_file where report_id = ?")
                .param(id)
                .query(Integer.class)
                .single();
        for (IncomingFile f : files) {
            catalogue.record(new EvidenceCatalogue.Entry(f.sha256(), f.size(), f.mediaType()));
            jdbc.sql("""
                            insert into report_file (report_id, position, sha256, size, original_name, declared_type,
                                media_type, type_mismatch, received_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(
                            id,
                            next++,
                            f.sha256(),
                            f.size(),
                            f.originalName(),
                            f.declaredType(),
                            f.mediaType(),
                            f.typeMismatch(),
                            java.sql.Timestamp.from(f.receivedAt()))
                    .update();
            ledger.append(CustodyEvent.of(
                    CustodyEvent.Actions.STORED, IntakeCommitter.ACTOR, subject(receipt), List.of(f.sha256())));
        }
        jobs.enqueue(ReportReceived.QUEUE_JOB, id.toString());
        jobs.enqueue(ReportReceived.JOB, id.toString());
        jobs.enqueue(ReportReceived.MEDIA_JOB, id.toString());
        return files;
    }
}
