package org.filet.server.cases;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.filet.server.evidence.CustodyEvent;
import org.filet.server.evidence.CustodyLedger;
import org.filet.server.intake.Reports;
import org.filet.server.people.StaffUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Cases of an organisation: creation, reports, notes, tasks and the status flow with four-eyes approval. */
@Component
public class Cases {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final CustodyLedger custody;
    private final Reports intake;

    Cases(JdbcClient jdbc, CustodyLedger custody, Reports intake) {
        this.jdbc = jdbc;
        this.custody = custody;
        this.intake = intake;
    }

    /** A case as its page shows it. */
    public record Case(
            UUID id,
            String number,
            String title,
            CaseStatus status,
            UUID createdBy,
            Instant createdAt,
            UUID assignedTo,
            UUID approvedBy,
            Instant approvedAt) {}

    public record CaseReport(String receipt, Instant receivedAt, boolean immediateDanger) {}

    public record Note(UUID author, Instant at, String body, boolean forAuthority) {}

    public record Transition(String from, String to, UUID by, Instant at, String note) {}

    static String subject(String number) {
        return "case:" + number;
    }

    /** Opens a case with the given reports (receipts of the user's organisation). */
    @Transactional
    public Case open(StaffUser user, String title, List<String> receipts) {
        if (title == null || title.isBlank() || title.length() > 200) {
            throw new CaseProblems.Invalid("case.refused.title", "a case needs a title (1 to 200 characters)");
        }
        UUID id = UUID.randomUUID();
        String number = "C-"
                + Long.toString(Math.abs(RANDOM.nextLong()) % 2_176_782_336L, 36)
                        .toUpperCase();
        jdbc.sql(
                        "insert into filet_case (id, organisation, number, title, status, created_by) values (?, ?, ?, ?, 'new', ?)")
                .params(id, user.organisation(), number, title.strip(), user.id())
                .update();
        custody.append(new CustodyEvent("linked", user.actor(), subject(number), List.of(), List.of(), "case opened"));
        for (String receipt : receipts) {
            addReport(user, number, receipt);
        }
        return find(user.organisation(), number).orElseThrow();
    }

    @Transactional
    public void addReport(StaffUser user, String number, String receipt) {
        Case c = find(user.organisation(), number).orElseThrow(CaseProblems.CaseNotFound::new);
        UUID report = jdbc.sql("select id from report where receipt = ? and organisation = ?")
                .params(receipt, user.organisation())
                .query(UUID.class)
                .optional()
                .orElseThrow(() ->
                        new CaseProblems.Invalid("case.refused.no-report", "no such report in your organisation"));
        int added = jdbc.sql(
                        "insert into case_report (case_id, report_id, added_by) values (?, ?, ?) on conflict do nothing")
                .params(c.id(), report, user.id())
                .update();
        if (added == 1) {
            contentChanged(user, c, "report_added", report, "report " + receipt + " added to the case");
        }
    }

    /** Takes a report out of the case (what was already referred stays with the authority: it was sent). */
    @Transactional
    public void removeReport(StaffUser user, String number, String receipt) {
        Case c = find(user.organisation(), number).orElseThrow(CaseProblems.CaseNotFound::new);
        UUID report = intake.idOf(receipt)
                .filter(id -> intake.organisationOf(id)
                        .filter(user.organisation()::equals)
                        .isPresent())
                .orElseThrow(() ->
                        new CaseProblems.Invalid("case.refused.no-report", "no such report in your organisation"));
        if (jdbc.sql("delete from case_report where case_id = ? and report_id = ?")
                        .params(c.id(), report)
                        .update()
                == 1) {
            contentChanged(user, c, "report_removed", report, "report " + receipt + " removed from the case");
        }
    }

    /**
     * The case's content changed. An approval covers one fixed content: an approved case goes back to review, and a
     * referred case keeps what was referred while the change awaits a second person's approval.
     */
    private void contentChanged(StaffUser user, Case c, String change, UUID report, String what) {
        jdbc.sql("insert into case_content_change (case_id, by_user, change, report_id) values (?, ?, ?, ?)")
                .params(c.id(), user.id(), change, report)
                .update();
        custody.append(new CustodyEvent("linked", user.actor(), subject(c.number()), List.of(), List.of(), what));
        if (c.status() == CaseStatus.APPROVED) {
            jdbc.sql(
                            "update filet_case set status = 'ready_for_review', approved_by = null, approved_at = null where id = ?")
                    .param(c.id())
                    .update();
            jdbc.sql(
                            "insert into case_transition (case_id, from_status, to_status, by_user, note) values (?, 'approved', 'ready_for_review', ?, ?)")
                    .params(c.id(), user.id(), "content changed after approval: a new approval is needed")
                    .update();
            custody.append(new CustodyEvent(
                    "linked",
                    user.actor(),
                    subject(c.number()),
                    List.of(),
                    List.of(),
                    "status approved -> ready_for_review (content changed after approval)"));
        }
    }

    // ---- four-eyes snapshots -----------------------------------------------------------------------------------

    /** One report of a snapshot, with the files (SHA-256) it held when approved. */
    public record SnapshotReport(String receipt, List<String> files) {}

    /** What a second person approved: a fixed list of reports and files, with its digest. */
    public record Snapshot(
            int version,
            List<SnapshotReport> reports,
            String digest,
            UUID approvedBy,
            Instant approvedAt,
            Instant referredAt) {}

    /** The case's content now: its reports, each with its files. */
    public List<SnapshotReport> content(UUID caseId) {
        List<SnapshotReport> content = new java.util.ArrayList<>();
        for (CaseReport r : reports(caseId)) {
            UUID id = intake.idOf(r.receipt()).orElseThrow();
            content.add(new SnapshotReport(
                    r.receipt(),
                    intake.files(id).stream()
                            .map(Reports.FileEntry::sha256)
                            .distinct()
                            .sorted()
                            .toList()));
        }
        content.sort(java.util.Comparator.comparing(SnapshotReport::receipt));
        return content;
    }

    static String canonical(List<SnapshotReport> content) {
        StringBuilder json = new StringBuilder("[");
        for (SnapshotReport r : content) {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append("{\"receipt\":").append(quote(r.receipt())).append(",\"files\":[");
            for (int i = 0; i < r.files().size(); i++) {
                json.append(i == 0 ? "" : ",").append(quote(r.files().get(i)));
            }
            json.append("]}");
        }
        return json.append(']').toString();
    }

    private static String quote(String s) {
        if (!s.matches("[A-Za-z0-9_-]*")) {
            throw new IllegalStateException("unexpected characters in a receipt or hash");
        }
        return '"' + s + '"';
    }

    public List<Snapshot> snapshots(UUID caseId) {
        return jdbc.sql(
                        "select version, content::text, digest, approved_by, approved_at, referred_at from case_snapshot "
                                + "where case_id = ? order by version")
                .param(caseId)
                .query((rs, n) -> new Snapshot(
                        rs.getInt(1),
                        parse(rs.getString(2)),
                        rs.getString(3),
                        rs.getObject(4, UUID.class),
                        rs.getTimestamp(5).toInstant(),
                        rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant()))
                .list();
    }

    private static List<SnapshotReport> parse(String json) {
        tools.jackson.databind.JsonNode root =
                tools.jackson.databind.json.JsonMapper.builder().build().readTree(json);
        List<SnapshotReport> out = new java.util.ArrayList<>();
        for (tools.jackson.databind.JsonNode r : root) {
            List<String> files = new java.util.ArrayList<>();
            r.get("files").forEach(f -> files.add(f.asString()));
            out.add(new SnapshotReport(r.get("receipt").asString(), List.copyOf(files)));
        }
        return List.copyOf(out);
    }

    /** Whether the case's content differs from what was last approved (nothing approved yet counts as no change). */
    public boolean awaitsApproval(UUID caseId) {
        List<Snapshot> all = snapshots(caseId);
        return !all.isEmpty() && !all.get(all.size() - 1).digest().equals(digest(content(caseId)));
    }

    private static String digest(List<SnapshotReport> content) {
        return org.filet.verify.Sha256.hex(canonical(content).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * What the authority may see: every report of every referred snapshot, with the files of the latest referred
     * snapshot that holds it. A report or file added since reaches it only through a newly approved snapshot.
     */
    public java.util.Map<String, java.util.Set<String>> referredContent(UUID caseId) {
        java.util.Map<String, java.util.Set<String>> out = new java.util.LinkedHashMap<>();
        for (Snapshot s : snapshots(caseId)) {
            if (s.referredAt() != null) {
                s.reports().forEach(r -> out.put(r.receipt(), new java.util.LinkedHashSet<>(r.files())));
            }
        }
        return out;
    }

    /** Checks the four-eyes rule for approving the case's current content, and records the snapshot. */
    private Snapshot approveContent(StaffUser user, Case c, boolean referNow) {
        if (!user.role().leads()) {
            throw new CaseProblems.FourEyesRequired("case.refused.lead-only", "only a lead may approve a case");
        }
        if (user.id().equals(c.createdBy())) {
            throw new CaseProblems.FourEyesRequired(
                    "case.refused.author", "the author of a case cannot approve it: a second person must");
        }
        List<Snapshot> before = snapshots(c.id());
        Instant since =
                before.isEmpty() ? Instant.EPOCH : before.get(before.size() - 1).approvedAt();
        boolean changedIt = jdbc.sql(
                        "select exists (select 1 from case_content_change where case_id = ? and by_user = ? and at > ?)")
                .params(c.id(), user.id(), java.sql.Timestamp.from(since))
                .query(Boolean.class)
                .single();
        if (changedIt && !before.isEmpty()) {
            throw new CaseProblems.FourEyesRequired(
                    "case.refused.changed-it",
                    "you changed this case's content since its last approval: a second person must approve it");
        }
        List<SnapshotReport> content = content(c.id());
        if (content.isEmpty()) {
            throw new CaseProblems.FourEyesRequired("case.refused.empty", "a case with no report cannot be approved");
        }
        String digest = digest(content);
        int version = before.size() + 1;
        jdbc.sql(
                        "insert into case_snapshot (case_id, version, content, digest, approved_by, referred_at) values (?, ?, ?::jsonb, ?, ?, "
                                + (referNow ? "now()" : "null") + ")")
                .params(c.id(), version, canonical(content), digest, user.id())
                .update();
        custody.append(new CustodyEvent(
                "linked",
                user.actor(),
                subject(c.number()),
                List.of(),
                List.of(),
                "snapshot " + version + " approved (four-eyes: author " + c.createdBy() + ", approver " + user.id()
                        + "): " + content.size() + " report(s), sha256 " + digest));
        return snapshots(c.id()).get(version - 1);
    }

    /**
     * On a referred case whose content changed: a second person approves the new content, which is referred at once
     * to the same authority. Returns the snapshot; the referral capability records what it sends.
     */
    @Transactional
    public Snapshot approveSupplement(StaffUser user, String number) {
        Case c = jdbc.sql(
                        "select id, number, title, status, created_by, created_at, assigned_to, approved_by, approved_at "
                                + "from filet_case where organisation = ? and number = ? for update")
                .params(user.organisation(), number)
                .query(Cases::row)
                .optional()
                .orElseThrow(CaseProblems.CaseNotFound::new);
        if (c.status() != CaseStatus.REFERRED || !awaitsApproval(c.id())) {
            throw new CaseProblems.FourEyesRequired(
                    "case.refused.nothing-pending", "nothing awaits approval on this case");
        }
        return approveContent(user, c, true);
    }

    @Transactional
    public void note(StaffUser user, String number, String body) {
        note(user, number, body, false);
    }

    /** Adds a note; {@code forAuthority}: it goes into what the organisation sends to the authority. */
    @Transactional
    public void note(StaffUser user, String number, String body, boolean forAuthority) {
        Case c = find(user.organisation(), number).orElseThrow(CaseProblems.CaseNotFound::new);
        if (body == null || body.isBlank() || body.length() > 20_000) {
            throw new CaseProblems.Invalid("case.refused.note", "a note needs text (at most 20,000 characters)");
        }
        jdbc.sql("insert into case_note (case_id, author, body, for_authority) values (?, ?, ?, ?)")
                .params(c.id(), user.id(), body.strip(), forAuthority)
                .update();
        custody.append(new CustodyEvent(
                "linked",
                user.actor(),
                subject(number),
                List.of(),
                List.of(),
                forAuthority ? "note added, for the authority" : "note added"));
    }

    /** A note chosen for the authority, on a case holding a given report: which case, who, when, what. */
    public record AuthorityNote(String caseNumber, UUID author, Instant at, String body) {}

    /** The notes chosen for the authority on the organisation's cases that hold a report, oldest first. */
    public List<AuthorityNote> notesForAuthority(UUID reportId, UUID organisation) {
        return jdbc.sql("""
                        select c.number, n.author, n.at, n.body from case_note n
                        join filet_case c on c.id = n.case_id
                        join case_report cr on cr.case_id = c.id
                        where cr.report_id = ? and c.organisation = ? and n.for_authority
                        order by n.at, n.id""")
                .params(reportId, organisation)
                .query((rs, n) -> new AuthorityNote(
                        rs.getString(1),
                        rs.getObject(2, UUID.class),
                        rs.getTimestamp(3).toInstant(),
                        rs.getString(4)))
                .list();
    }

    /** A task of the case: what, for whom, done or not. */
    public record Task(long id, String title, UUID assignee, Instant doneAt) {}

    @Transactional
    public void addTask(StaffUser user, String number, String title, String assigneeEmail) {
        Case c = find(user.organisation(), number).orElseThrow(CaseProblems.CaseNotFound::new);
        if (title == null || title.isBlank() || title.length() > 500) {
            throw new CaseProblems.Invalid("case.refused.task", "a task needs a title (at most 500 characters)");
        }
        UUID assignee =
                assigneeEmail == null || assigneeEmail.isBlank() ? null : member(user.organisation(), assigneeEmail);
        jdbc.sql("insert into case_task (case_id, title, assignee, created_by) values (?, ?, ?, ?)")
                .params(c.id(), title.strip(), assignee, user.id())
                .update();
        custody.append(new CustodyEvent("linked", user.actor(), subject(number), List.of(), List.of(), "task added"));
    }

    @Transactional
    public void completeTask(StaffUser user, String number, long taskId) {
        Case c = find(user.organisation(), number).orElseThrow(CaseProblems.CaseNotFound::new);
        if (jdbc.sql(
                                "update case_task set done_at = now(), done_by = ? where id = ? and case_id = ? and done_at is null")
                        .params(user.id(), taskId, c.id())
                        .update()
                == 1) {
            custody.append(
                    new CustodyEvent("linked", user.actor(), subject(number), List.of(), List.of(), "task done"));
        }
    }

    /** Assigns the case to a member of the organisation (by email). */
    @Transactional
    public void assign(StaffUser user, String number, String assigneeEmail) {
        Case c = find(user.organisation(), number).orElseThrow(CaseProblems.CaseNotFound::new);
        UUID assignee = member(user.organisation(), assigneeEmail);
        jdbc.sql("update filet_case set assigned_to = ? where id = ?")
                .params(assignee, c.id())
                .update();
        jdbc.sql("insert into case_assignment (case_id, assignee, by_user) values (?, ?, ?)")
                .params(c.id(), assignee, user.id())
                .update();
        custody.append(new CustodyEvent(
                "linked", user.actor(), subject(number), List.of(), List.of(), "assigned to user:" + assignee));
    }

    public List<Task> tasks(UUID caseId) {
        return jdbc.sql("select id, title, assignee, done_at from case_task where case_id = ? order by id")
                .param(caseId)
                .query((rs, n) -> new Task(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getObject(3, UUID.class),
                        rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant()))
                .list();
    }

    private UUID member(UUID organisation, String email) {
        return jdbc.sql("select id from staff_user where organisation = ? and email = ? and enabled")
                .params(organisation, email == null ? "" : email.trim().toLowerCase(java.util.Locale.ROOT))
                .query(UUID.class)
                .optional()
                .orElseThrow(
                        () -> new CaseProblems.Invalid("case.refused.member", "no such member of your organisation"));
    }

    /**
     * Moves a case along its flow. Moving to approved needs a lead (or administrator) who is not the author: the
     * four-eyes rule. Both names stay on the case and in the custody record.
     */
    @Transactional
    public Case move(StaffUser user, String number, CaseStatus target, String note) {
        Case c = jdbc.sql(
                        "select id, number, title, status, created_by, created_at, assigned_to, approved_by, approved_at "
                                + "from filet_case where organisation = ? and number = ? for update")
                .params(user.organisation(), number)
                .query(Cases::row)
                .optional()
                .orElseThrow(CaseProblems.CaseNotFound::new);
        if (!c.status().canMoveTo(target)) {
            throw new CaseProblems.TransitionNotAllowed(c.status(), target);
        }
        if (target == CaseStatus.APPROVED) {
            approveContent(user, c, false);
            jdbc.sql("update filet_case set approved_by = ?, approved_at = now() where id = ?")
                    .params(user.id(), c.id())
                    .update();
        }
        if (target == CaseStatus.REFERRED) {
            List<Snapshot> all = snapshots(c.id());
            if (all.isEmpty() || !all.get(all.size() - 1).digest().equals(digest(content(c.id())))) {
                throw new CaseProblems.FourEyesRequired(
                        "case.refused.changed-after-approval",
                        "the case changed after its approval: a second person must approve it again");
            }
            jdbc.sql("update case_snapshot set referred_at = now() where case_id = ? and version = ?")
                    .params(c.id(), all.get(all.size() - 1).version())
                    .update();
        }
        jdbc.sql("update filet_case set status = ? where id = ?")
                .params(target.dbValue(), c.id())
                .update();
        jdbc.sql("insert into case_transition (case_id, from_status, to_status, by_user, note) values (?, ?, ?, ?, ?)")
                .params(c.id(), c.status().dbValue(), target.dbValue(), user.id(), note)
                .update();
        custody.append(new CustodyEvent(
                "linked",
                user.actor(),
                subject(number),
                List.of(),
                List.of(),
                "status " + c.status().dbValue() + " -> " + target.dbValue()
                        + (target == CaseStatus.APPROVED
                                ? " (four-eyes: author " + c.createdBy() + ", approver " + user.id() + ")"
                                : "")));
        return find(user.organisation(), number).orElseThrow();
    }

    public Optional<Case> find(UUID organisation, String number) {
        return jdbc.sql(
                        "select id, number, title, status, created_by, created_at, assigned_to, approved_by, approved_at "
                                + "from filet_case where organisation = ? and number = ?")
                .params(organisation, number)
                .query(Cases::row)
                .optional();
    }

    public List<Case> list(UUID organisation) {
        return jdbc.sql(
                        "select id, number, title, status, created_by, created_at, assigned_to, approved_by, approved_at "
                                + "from filet_case where organisation = ? order by created_at desc limit 500")
                .param(organisation)
                .query(Cases::row)
                .list();
    }

    public List<CaseReport> reports(UUID caseId) {
        return jdbc.sql("""
                        select r.receipt, r.received_at, r.immediate_danger from case_report c join report r on r.id = c.report_id
                        where c.case_id = ? order by r.received_at""")
                .param(caseId)
                .query((rs, n) ->
                        new CaseReport(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getBoolean(3)))
                .list();
    }

    public List<Note> notes(UUID caseId) {
        return jdbc.sql("select author, at, body, for_authority from case_note where case_id = ? order by at")
                .param(caseId)
                .query((rs, n) -> new Note(
                        rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getBoolean(4)))
                .list();
    }

    public List<Transition> transitions(UUID caseId) {
        return jdbc.sql(
                        "select from_status, to_status, by_user, at, note from case_transition where case_id = ? order by at")
                .param(caseId)
                .query((rs, n) -> new Transition(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getObject(3, UUID.class),
                        rs.getTimestamp(4).toInstant(),
                        rs.getString(5)))
                .list();
    }

    /**
     * What the case's own tables record, as events (oldest first is the caller's sort): opened, reports added and
     * removed, notes, tasks added and done, assignments, status changes, approvals (each approved snapshot) and
     * approvals withdrawn (a move away from approved that is not the referral), and the names of the reports the
     * custody record shows as downloaded in a sealed package (the case's own package and its reports').
     */
    public List<CaseEvent> history(Case c) {
        List<CaseEvent> events = new java.util.ArrayList<>();
        events.add(CaseEvent.of(c.createdAt(), c.createdBy(), "case.event.created", c.title()));
        jdbc.sql("select at, by_user, change, report_id from case_content_change where case_id = ? order by at, id")
                .param(c.id())
                .query((rs, n) -> CaseEvent.of(
                        rs.getTimestamp(1).toInstant(),
                        rs.getObject(2, UUID.class),
                        "case.event." + rs.getString(3),
                        intake.receiptOf(rs.getObject(4, UUID.class)).orElse("?")))
                .list()
                .forEach(events::add);
        for (Note n : notes(c.id())) {
            events.add(CaseEvent.of(
                    n.at(), n.author(), n.forAuthority() ? "case.event.note.forAuthority" : "case.event.note"));
        }
        jdbc.sql("select title, created_by, created_at, done_at, done_by from case_task where case_id = ? order by id")
                .param(c.id())
                .query((rs, n) -> {
                    events.add(CaseEvent.of(
                            rs.getTimestamp(3).toInstant(),
                            rs.getObject(2, UUID.class),
                            "case.event.task_added",
                            rs.getString(1)));
                    if (rs.getTimestamp(4) != null) {
                        events.add(CaseEvent.of(
                                rs.getTimestamp(4).toInstant(),
                                rs.getObject(5, UUID.class),
                                "case.event.task_done",
                                rs.getString(1)));
                    }
                    return null;
                })
                .list();
        List<CaseEvent> assignments = jdbc.sql(
                        "select at, by_user, assignee from case_assignment where case_id = ? order by at, id")
                .param(c.id())
                .query((rs, n) -> new CaseEvent(
                        rs.getTimestamp(1).toInstant(),
                        "user:" + rs.getObject(2, UUID.class),
                        "case.event.assigned",
                        List.of("user:" + rs.getObject(3, UUID.class))))
                .list();
        events.addAll(assignments);
        Instant recordedSince =
                assignments.isEmpty() ? Instant.MAX : assignments.get(0).at();
        List<CustodyLedger.RecordedEvent> own = custody.history(subject(c.number()));
        for (CustodyLedger.RecordedEvent e : own) {
            String why = e.event().reason();
            if (why != null
                    && why.startsWith("assigned to user:")
                    && e.recordedAt().isBefore(recordedSince)) {
                // assignments made before they had their own table: the custody record names them
                events.add(new CaseEvent(
                        e.recordedAt(),
                        e.event().actor(),
                        "case.event.assigned",
                        List.of(why.substring("assigned to ".length()))));
            }
        }
        for (Transition t : transitions(c.id())) {
            if (t.to().equals("approved")) {
                continue; // told by the approved snapshot, with what was approved
            }
            String key = t.from().equals("approved") && !t.to().equals("referred")
                    ? "case.event.approvalWithdrawn"
                    : "case.event.status";
            events.add(CaseEvent.of(t.at(), t.by(), key, "msg:case.state." + t.from(), "msg:case.state." + t.to()));
        }
        for (Snapshot s : snapshots(c.id())) {
            events.add(CaseEvent.of(
                    s.approvedAt(),
                    s.approvedBy(),
                    "case.event.approved",
                    Integer.toString(s.version()),
                    Integer.toString(s.reports().size())));
        }
        for (CustodyLedger.RecordedEvent e : own) {
            if (e.event().action().equals("exported")) {
                boolean xml = e.event().reason() != null && e.event().reason().startsWith("CyberTipline");
                events.add(new CaseEvent(
                        e.recordedAt(),
                        e.event().actor(),
                        xml ? "case.event.download.xml" : "case.event.download",
                        List.of()));
            }
        }
        for (CaseReport r : reports(c.id())) {
            for (CustodyLedger.RecordedEvent e : custody.history(Reports.subject(r.receipt()))) {
                if (e.event().action().equals("exported")) {
                    events.add(new CaseEvent(
                            e.recordedAt(), e.event().actor(), "case.event.download.report", List.of(r.receipt())));
                }
            }
        }
        return events;
    }

    private static Case row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Case(
                rs.getObject("id", UUID.class),
                rs.getString("number"),
                rs.getString("title"),
                CaseStatus.parse(rs.getString("status")),
                rs.getObject("created_by", UUID.class),
                rs.getTimestamp("created_at").toInstant(),
                rs.getObject("assigned_to", UUID.class),
                rs.getObject("approved_by", UUID.class),
                rs.getTimestamp("approved_at") == null
                        ? null
                        : rs.getTimestamp("approved_at").toInstant());
    }
}
