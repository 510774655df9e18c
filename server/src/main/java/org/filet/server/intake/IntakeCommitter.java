package org.filet.server.intake;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.filet.server.evidence.CustodyEvent;
import org.filet.server.evidence.CustodyLedger;
import org.filet.server.evidence.EvidenceCatalogue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Commits reports durably, many at a time. Request threads hand over a {@link NewReport} and wait; committer threads
 * take every report waiting (up to the batch size) and write them, their files' records and their custody events in
 * one transaction: one WAL flush for many reports (group commit). A batch that fails is retried report by report, so
 * one bad report never takes others down with it. A future completes only after its report is committed.
 */
@Component
class IntakeCommitter implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(IntakeCommitter.class);
    static final String ACTOR = org.filet.server.support.Components.actor("intake");

    private record Pending(NewReport report, CompletableFuture<Void> done) {}

    private final DataSource dataSource;
    private final CustodyLedger ledger;
    private final EvidenceCatalogue catalogue;
    private final IntakeSettings settings;
    private final org.filet.server.support.Jobs jobs;
    private final org.filet.server.support.JobRunner jobRunner;
    private final BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(4096);
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    IntakeCommitter(
            DataSource dataSource,
            CustodyLedger ledger,
            EvidenceCatalogue catalogue,
            IntakeSettings settings,
            org.filet.server.support.Jobs jobs,
            org.filet.server.support.JobRunner jobRunner) {
        this.jobs = jobs;
        this.jobRunner = jobRunner;
        this.dataSource = dataSource;
        this.ledger = ledger;
        this.catalogue = catalogue;
        this.settings = settings;
    }

    /** Queues a report; the future completes when it is committed, or fails with the reason it could not be. */
    CompletableFuture<Void> submit(NewReport report) {
        if (!running) {
            return CompletableFuture.failedFuture(new IllegalStateException("intake is not running"));
        }
        Pending pending = new Pending(report, new CompletableFuture<>());
        try {
            if (!queue.offer(pending, 10, TimeUnit.SECONDS)) {
                return CompletableFuture.failedFuture(new IntakeBusy());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CompletableFuture.failedFuture(e);
        }
        return pending.done();
    }

    @Override
    public void start() {
        running = true;
        for (int i = 0; i < settings.committers(); i++) {
            Thread t = new Thread(this::run, "intake-committer-" + i);
            t.setDaemon(true);
            t.start();
            threads.add(t);
        }
    }

    @Override
    public void stop() {
        running = false;
        threads.forEach(Thread::interrupt);
        for (Thread t : threads) {
            try {
                t.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        threads.clear();
        List<Pending> left = new ArrayList<>();
        queue.drainTo(left);
        left.forEach(p -> p.done().completeExceptionally(new IllegalStateException("intake stopped")));
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(settings.batchSize());
        while (running) {
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, settings.batchSize() - 1);
                commitOrSplit(batch);
            } catch (InterruptedException e) {
                if (!running) {
                    batch.forEach(p -> p.done().completeExceptionally(new IllegalStateException("intake stopped")));
                    return;
                }
            } catch (RuntimeException e) {
                log.error("intake committer failed", e);
                batch.forEach(p -> p.done().completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
    }

    private void commitOrSplit(List<Pending> batch) {
        try {
            commit(batch.stream().map(Pending::report).toList());
            batch.forEach(p -> p.done().complete(null));
            jobRunner.nudge();
        } catch (SQLException e) {
            if (batch.size() == 1) {
                log.warn(
                        "report {} could not be committed: {}",
                        batch.get(0).report().receipt(),
                        e.getMessage());
                batch.get(0).done().completeExceptionally(e);
                return;
            }
            for (Pending p : batch) {
                commitOrSplit(List.of(p));
            }
        }
    }

    private void commit(List<NewReport> reports) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                insertReports(c, reports);
                insertChildren(c, reports);
                List<EvidenceCatalogue.Entry> objects = new ArrayList<>();
                List<CustodyEvent> events = new ArrayList<>();
                for (NewReport r : reports) {
                    String subject = Reports.subject(r.receipt());
                    List<String> outputs = new ArrayList<>();
                    outputs.add(r.submissionSha256());
                    List<CustodyEvent> stored = new ArrayList<>();
                    for (IncomingFile f : r.files()) {
                        objects.add(new EvidenceCatalogue.Entry(f.sha256(), f.size(), f.mediaType()));
                        if (!outputs.contains(f.sha256())) {
                            outputs.add(f.sha256());
                            stored.add(
                                    CustodyEvent.of(CustodyEvent.Actions.STORED, ACTOR, subject, List.of(f.sha256())));
                        }
                    }
                    events.add(CustodyEvent.of(CustodyEvent.Actions.RECEIVED, ACTOR, subject, outputs));
                    events.addAll(stored);
                }
                catalogue.recordBatch(c, objects);
                ledger.appendBatch(c, events);
                jobs.enqueueBatch(
                        c,
                        ReportReceived.QUEUE_JOB,
                        reports.stream().map(r -> r.id().toString()).toList());
                jobs.enqueueBatch(
                        c,
                        ReportReceived.JOB,
                        reports.stream().map(r -> r.id().toString()).toList());
                jobs.enqueueBatch(
                        c,
                        ReportReceived.MEDIA_JOB,
                        reports.stream()
                                .filter(r -> r.files().stream()
                                        .anyMatch(f -> f.mediaType().startsWith("image/")))
                                .map(r -> r.id().toString())
                                .toList());
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private static void insertReports(Connection c, List<NewReport> reports) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into report (id, receipt, access_code_hash, organisation, received_at, channel, reporter_role,
                    reporter_language, reporter_contact, child_age, child_country, platform, description,
                    immediate_danger, submission_sha256, submission, child_name_in_conversation, reporter_notify,
                    facts_date, facts_month, suspect_claimed_age)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            for (NewReport r : reports) {
                ReportSubmission s = r.submission();
                ps.setObject(1, r.id());
                ps.setString(2, r.receipt());
                ps.setString(3, r.accessCodeHash());
                ps.setObject(4, r.organisation());
                ps.setTimestamp(5, Timestamp.from(r.receivedAt()));
                ps.setString(6, r.channel());
                ps.setString(7, s.reporter().role());
                ps.setString(
                        8, s.reporter().language() == null ? "fr" : s.reporter().language());
                ps.setString(9, s.reporter().contact());
                if (s.child() != null && s.child().age() != null) {
                    ps.setInt(10, s.child().age());
                } else {
                    ps.setNull(10, Types.INTEGER);
                }
                ps.setString(11, s.child() == null ? null : s.child().country());
                ps.setString(12, s.platform());
                ps.setString(13, s.description());
                ps.setBoolean(14, s.danger());
                ps.setString(15, r.submissionSha256());
                ps.setBytes(16, r.submissionBytes());
                ps.setString(17, s.child() == null ? null : s.child().nameInConversation());
                ps.setBoolean(18, s.reporter().wantsEmail());
                java.util.Optional<ReportSubmission.FactsDate> facts = s.facts();
                if (facts.isPresent()) {
                    ps.setObject(19, facts.get().first());
                } else {
                    ps.setNull(19, Types.DATE);
                }
                ps.setBoolean(
                        20, facts.map(ReportSubmission.FactsDate::aboutMonth).orElse(false));
                if (s.suspectClaimedAge() != null) {
                    ps.setInt(21, s.suspectClaimedAge());
                } else {
                    ps.setNull(21, Types.INTEGER);
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void insertChildren(Connection c, List<NewReport> reports) throws SQLException {
        try (PreparedStatement messages = c.prepareStatement(
                        "insert into report_message (report_id, position, sent_at, from_role, sender, body) values (?, ?, ?, ?, ?, ?)");
                PreparedStatement accounts = c.prepareStatement(
                        "insert into report_account (report_id, position, platform, handle, url, display_name) values (?, ?, ?, ?, ?, ?)");
                PreparedStatement childAccounts = c.prepareStatement(
                        "insert into report_child_account (report_id, position, platform, handle) values (?, ?, ?, ?)");
                PreparedStatement contacts = c.prepareStatement(
                        "insert into report_contact (report_id, position, kind, value) values (?, ?, ?, ?)");
                PreparedStatement files = c.prepareStatement("""
                insert into report_file (report_id, position, sha256, size, original_name, declared_type, media_type,
                    type_mismatch, received_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            int nMessages = 0, nAccounts = 0, nChildAccounts = 0, nContacts = 0, nFiles = 0;
            for (NewReport r : reports) {
                ReportSubmission s = r.submission();
                for (int i = 0; i < s.messages().size(); i++) {
                    ReportSubmission.SubmittedMessage m = s.messages().get(i);
                    messages.setObject(1, r.id());
                    messages.setInt(2, i);
                    messages.setString(3, m.at());
                    messages.setString(4, m.from());
                    messages.setString(5, m.sender());
                    messages.setString(6, m.text());
                    messages.addBatch();
                    nMessages++;
                }
                for (int i = 0; i < s.suspectAccounts().size(); i++) {
                    ReportSubmission.SuspectAccount a = s.suspectAccounts().get(i);
                    accounts.setObject(1, r.id());
                    accounts.setInt(2, i);
                    accounts.setString(3, a.platform());
                    accounts.setString(4, a.handle());
                    accounts.setString(5, a.url());
                    accounts.setString(6, a.displayName());
                    accounts.addBatch();
                    nAccounts++;
                }
                List<ReportSubmission.ChildAccount> own =
                        s.child() == null ? List.of() : s.child().accounts();
                for (int i = 0; i < own.size(); i++) {
                    childAccounts.setObject(1, r.id());
                    childAccounts.setInt(2, i);
                    childAccounts.setString(
                            3,
                            own.get(i).platform() == null
                                            || own.get(i).platform().isBlank()
                                    ? null
                                    : own.get(i).platform().strip());
                    childAccounts.setString(4, own.get(i).handle().strip());
                    childAccounts.addBatch();
                    nChildAccounts++;
                }
                int position = 0;
                for (String phone : s.phones()) {
                    addContact(contacts, r, position++, "phone", phone);
                    nContacts++;
                }
                for (String email : s.emails()) {
                    addContact(contacts, r, position++, "email", email);
                    nContacts++;
                }
                for (int i = 0; i < r.files().size(); i++) {
                    IncomingFile f = r.files().get(i);
                    files.setObject(1, r.id());
                    files.setInt(2, i);
                    files.setString(3, f.sha256());
                    files.setLong(4, f.size());
                    files.setString(5, f.originalName());
                    files.setString(6, f.declaredType());
                    files.setString(7, f.mediaType());
                    files.setBoolean(8, f.typeMismatch());
                    files.setTimestamp(9, Timestamp.from(f.receivedAt()));
                    files.addBatch();
                    nFiles++;
                }
            }
            if (nMessages > 0) {
                messages.executeBatch();
            }
            if (nAccounts > 0) {
                accounts.executeBatch();
            }
            if (nChildAccounts > 0) {
                childAccounts.executeBatch();
            }
            if (nContacts > 0) {
                contacts.executeBatch();
            }
            if (nFiles > 0) {
                files.executeBatch();
            }
        }
    }

    private static void addContact(PreparedStatement ps, NewReport r, int position, String kind, String value)
            throws SQLException {
        ps.setObject(1, r.id());
        ps.setInt(2, position);
        ps.setString(3, kind);
        ps.setString(4, value.trim());
        ps.addBatch();
    }
}
