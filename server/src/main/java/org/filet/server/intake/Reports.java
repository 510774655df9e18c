package org.filet.server.intake;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import org.filet.server.evidence.CustodyEvent;
import org.filet.server.evidence.CustodyLedger;
import org.filet.server.evidence.EvidenceCatalogue;

/** Reports as stored: the reporter's status, one report in full, and files added later. */
@Component
public class Reports {

    private final JdbcClient jdbc;
    private final CustodyLedger ledger;
    private final EvidenceCatalogue catalogue;
    private final org.filet.server.support.Jobs jobs;

    private final StatusMail statusMail;

    Reports(JdbcClient jdbc, CustodyLedger ledger, EvidenceCatalogue catalogue, org.filet.server.support.Jobs jobs,
            StatusMail statusMail) {
        this.statusMail = statusMail;
        this.jobs = jobs;
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.catalogue = catalogue;
    }

    /** What a reporter may know about their report. */
    public record ReporterStatus(String receipt, String status, Instant receivedAt, int files, boolean immediateDanger,
                                 String childCountry, boolean passedToPolice) {
    }

    /** A report in full, for staff of its organisation. */
    public record ReportDetail(UUID id, String receipt, Instant receivedAt, String channel, String reporterRole,
                               String reporterLanguage, String reporterContact, Integer childAge, String childCountry,
                               String platform, String description, boolean immediateDanger, String status,
                               String submissionSha256, List<Message> messages, List<Account> accounts,
                               List<Contact> contacts, List<FileEntry> files, String childNameInConversation) {

        /** The same report holding only the given files (what a second person approved to leave). */
        public ReportDetail withOnlyFiles(java.util.Set<String> sha256s) {
            return new ReportDetail(id, receipt, receivedAt, channel, reporterRole, reporterLanguage, reporterContact,
                    childAge, childCountry, platform, description, immediateDanger, status, submissionSha256, messages,
                    accounts, contacts, files.stream().filter(f -> sha256s.contains(f.sha256())).toList(),
                    childNameInConversation);
        }
    }

    public record Message(int position, String at, String from, String sender, String text) {
    }

    public record Account(String platform, String handle, String url, String displayName) {
    }

    public record Contact(String kind, String value) {
    }

    public record FileEntry(int position, String sha256, long size, String originalName, String mediaType,
                            String declaredType, boolean typeMismatch, Instant receivedAt) {
    }

    /**
     * Sets the reporter-visible status of reports (received, in_review, referred, closed). Only the plain status: the
     * reporter never sees who, which authority, or any detail that could harm an investigation.
     */
    public void setStatus(java.util.Collection<String> receipts, String status) {
        if (!java.util.Set.of("received", "in_review", "referred", "closed").contains(status)) {
            throw new IllegalArgumentException("unknown report status");
        }
        for (String receipt : receipts) {
            jdbc.sql("update report set status = ? where receipt = ? returning id").params(status, receipt)
                    .query(UUID.class).optional().ifPresent(id -> jobs.enqueue(ReportReceived.QUEUE_JOB, id.toString()));
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
                        where receipt = ? and (reporter_contact is not null or reporter_notify)""")
                .param(receipt).update();
        if (erased > 0) {
            jdbc.sql("insert into contact_erasure (receipt, reason) values (?, ?)").params(receipt, reason).update();
        }
        return erased > 0;
    }

    /** A report's id by its receipt. */
    public Optional<UUID> idOf(String receipt) {
        return jdbc.sql("select id from report where receipt = ?").param(receipt).query(UUID.class).optional();
    }

    /** The organisation a report belongs to. */
    public Optional<UUID> organisationOf(UUID reportId) {
        return jdbc.sql("select organisation from report where id = ?").param(reportId).query(UUID.class).optional();
    }

    /** The receipt of a report, by its id. */
    public Optional<String> receiptOf(UUID reportId) {
        return jdbc.sql("select receipt from report where id = ?").param(reportId).query(String.class).optional();
    }

    /** The custody subject of a report. */
    public static String subject(String receipt) {
        return "report:" + receipt;
    }

    ReporterStatus status(String receipt, String accessCode) {
        record Row(String accessCodeHash, String status, Instant receivedAt, int files, boolean immediateDanger,
                   String childCountry, boolean referred) {
        }
        Optional<Row> row = jdbc.sql("""
                        select r.access_code_hash, r.status, r.received_at, r.immediate_danger, r.child_country,
                               (select count(*) from report_file f where f.report_id = r.id) as files,
                               exists (select 1 from custody_event e where e.subject = 'report:' || r.receipt
                                       and e.action = 'referred') as referred
                        from report r where r.receipt = ?""")
                .param(receipt)
                .query((rs, n) -> new Row(rs.getString("access_code_hash"), rs.getString("status"),
                        rs.getTimestamp("received_at").toInstant(), rs.getInt("files"), rs.getBoolean("immediate_danger"),
                        rs.getString("child_country"), rs.getBoolean("referred")))
                .optional();
        String presented = Receipts.hashAccessCode(receipt, accessCode);
        if (row.isEmpty() || !MessageDigest.isEqual(row.get().accessCodeHash().getBytes(StandardCharsets.US_ASCII),
                presented.getBytes(StandardCharsets.US_ASCII))) {
            throw new IntakeProblems.ReportNotFound();
        }
        Row r = row.get();
        return new ReporterStatus(receipt, r.status(), r.receivedAt(), r.files(), r.immediateDanger(), r.childCountry(),
                r.referred());
    }

    /** A report by its id, whatever its organisation: for the platform's own jobs, never for a request. */
    public Optional<ReportDetail> detailById(UUID reportId) {
        return jdbc.sql("select organisation, receipt from report where id = ?").param(reportId)
                .query((rs, n) -> detail(rs.getObject(1, UUID.class), rs.getString(2))).optional().flatMap(d -> d);
    }

    /** A report of the given organisation; empty if it does not exist or belongs to another organisation. */
    public Optional<ReportDetail> detail(UUID organisation, String receipt) {
        return jdbc.sql("""
                        select id, receipt, received_at, channel, reporter_role, reporter_language, reporter_contact,
                               child_age, child_country, platform, description, immediate_danger, status, submission_sha256,
                               child_name_in_conversation
                        from report where receipt = ? and organisation = ?""")
                .params(receipt, organisation)
                .query((rs, n) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    return new ReportDetail(id, rs.getString("receipt"), rs.getTimestamp("received_at").toInstant(),
                            rs.getString("channel"), rs.getString("reporter_role"), rs.getString("reporter_language"),
                            rs.getString("reporter_contact"), (Integer) rs.getObject("child_age"),
                            rs.getString("child_country"), rs.getString("platform"), rs.getString("description"),
                            rs.getBoolean("immediate_danger"), rs.getString("status"), rs.getString("submission_sha256"),
                            List.of(), List.of(), List.of(), List.of(), rs.getString("child_name_in_conversation"));
                })
                .optional()
                .map(this::withParts);
    }

    private ReportDetail withParts(ReportDetail d) {
        List<Message> messages = jdbc.sql(
                        "select position, sent_at, from_role, sender, body from report_message where report_id = ? order by position")
                .param(d.id())
                .query((rs, n) -> new Message(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                .list();
        List<Account> accounts = jdbc.sql(
                        "select platform, handle, url, display_name from report_account where report_id = ? order by position")
                .param(d.id()).query(Account.class).list();
        List<Contact> contacts = jdbc.sql("select kind, value from report_contact where report_id = ? order by position")
                .param(d.id()).query(Contact.class).list();
        List<FileEntry> files = files(d.id());
        return new ReportDetail(d.id(), d.receipt(), d.receivedAt(), d.channel(), d.reporterRole(), d.reporterLanguage(),
                d.reporterContact(), d.childAge(), d.childCountry(), d.platform(), d.description(), d.immediateDanger(),
                d.status(), d.submissionSha256(), messages, accounts, contacts, files, d.childNameInConversation());
    }

    /** The files of a report, in the order received. */
    public List<FileEntry> files(UUID reportId) {
        return jdbc.sql("""
                        select position, sha256, size, original_name, media_type, declared_type, type_mismatch, received_at
                        from report_file where report_id = ? order by position""")
                .param(reportId)
                .query((rs, n) -> new FileEntry(rs.getInt(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getBoolean(7), rs.getTimestamp(8).toInstant()))
                .list();
    }

    /** Records that a member of staff opened a report: in the report's view list and in the custody record. */
    @Transactional
    public void recordView(ReportDetail report, UUID userId, String actor) {
        jdbc.sql("insert into report_view (report_id, user_id) values (?, ?)").params(report.id(), userId).update();
        java.util.Set<String> unique = new java.util.LinkedHashSet<>();
        unique.add(report.submissionSha256());
        report.files().forEach(f -> unique.add(f.sha256()));
        List<String> objects = new ArrayList<>(unique);
        ledger.append(new CustodyEvent(CustodyEvent.Actions.VIEWED, actor, subject(report.receipt()), objects, List.of(),
                "report page opened"));
    }

    /** Who opened the report and when, newest first. */
    public List<View> views(UUID reportId) {
        return jdbc.sql("select user_id, viewed_at from report_view where report_id = ? order by viewed_at desc")
                .param(reportId)
                .query((rs, n) -> new View(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant()))
                .list();
    }

    public record View(UUID user, Instant at) {
    }

    /**
     * How long reports waited before a person first opened them: the median, in hours, from receipt to the first
     * opening of the report's page, over the organisation's reports opened at least once (null when none was), and how
     * many reports were never opened.
     */
    public record FirstOpenings(Double medianHours, long opened, long neverOpened) {
    }

    public FirstOpenings firstOpenings(UUID organisation) {
        return jdbc.sql("""
                        select percentile_cont(0.5) within group (order by extract(epoch from v.first - r.received_at)) / 3600,
                               count(v.first), count(*) - count(v.first)
                        from report r
                        left join (select report_id, min(viewed_at) as first from report_view group by report_id) v
                               on v.report_id = r.id
                        where r.organisation = ?""")
                .param(organisation)
                .query((rs, n) -> new FirstOpenings(rs.getObject(1) == null ? null : rs.getDouble(1), rs.getLong(2), rs.getLong(3)))
                .single();
    }

    /** Adds already-stored files to a report whose access code matches; returns the files added. */
    @Transactional
    List<IncomingFile> addFiles(String receipt, String accessCode, List<IncomingFile> files) {
        status(receipt, accessCode);
        UUID id = jdbc.sql("select id from report where receipt = ? for update").param(receipt).query(UUID.class).single();
        int next = jdbc.sql("select coalesce(max(position) + 1, 0) from report_file where report_id = ?")
                .param(id).query(Integer.class).single();
        for (IncomingFile f : files) {
            catalogue.record(new EvidenceCatalogue.Entry(f.sha256(), f.size(), f.mediaType()));
            jdbc.sql("""
                            insert into report_file (report_id, position, sha256, size, original_name, declared_type,
                                media_type, type_mismatch, received_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, next++, f.sha256(), f.size(), f.originalName(), f.declaredType(), f.mediaType(),
                            f.typeMismatch(), java.sql.Timestamp.from(f.receivedAt()))
                    .update();
            ledger.append(CustodyEvent.of(CustodyEvent.Actions.STORED, IntakeCommitter.ACTOR, subject(receipt), List.of(f.sha256())));
        }
        jobs.enqueue(ReportReceived.QUEUE_JOB, id.toString());
        jobs.enqueue(ReportReceived.JOB, id.toString());
        jobs.enqueue(ReportReceived.MEDIA_JOB, id.toString());
        return files;
    }
}
