package org.filet.server.cases;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import org.filet.server.evidence.CustodyEvent;
import org.filet.server.evidence.CustodyLedger;
import org.filet.server.people.Role;
import org.filet.server.people.StaffUser;

/** Cases of an organisation: creation, reports, notes, tasks and the status flow with four-eyes approval. */
@Component
public class Cases {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final CustodyLedger custody;

    Cases(JdbcClient jdbc, CustodyLedger custody) {
        this.jdbc = jdbc;
        this.custody = custody;
    }

    /** A case as its page shows it. */
    public record Case(UUID id, String number, String title, CaseStatus status, UUID createdBy, Instant createdAt,
                       UUID assignedTo, UUID approvedBy, Instant approvedAt) {
    }

    public record CaseReport(String receipt, Instant receivedAt, boolean immediateDanger) {
    }

    public record Note(UUID author, Instant at, String body, boolean forAuthority) {
    }

    public record Transition(String from, String to, UUID by, Instant at, String note) {
    }

    static String subject(String number) {
        return "case:" + number;
    }

    /** Opens a case with the given reports (receipts of the user's organisation). */
    @Transactional
    public Case open(StaffUser user, String title, List<String> receipts) {
        if (title == null || title.isBlank() || title.length() > 200) {
            throw new IllegalArgumentException("a case needs a title (1 to 200 characters)");
        }
        UUID id = UUID.randomUUID();
        String number = "C-" + Long.toString(Math.abs(RANDOM.nextLong()) % 2_176_782_336L, 36).toUpperCase();
        jdbc.sql("insert into filet_case (id, organisation, number, title, status, created_by) values (?, ?, ?, ?, 'new', ?)")
                .params(id, user.organisation(), number, title.strip(), user.id()).update();
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
                .params(receipt, user.organisation()).query(UUID.class).optional()
                .orElseThrow(() -> new IllegalArgumentException("no such report in your organisation"));
        int added = jdbc.sql("insert into case_report (case_id, report_id, added_by) values (?, ?, ?) on conflict do nothing")
                .params(c.id(), report, user.id()).update();
        if (added == 1) {
            custody.append(new CustodyEvent("linked", user.actor(), subject(number), List.of(), List.of(),
                    "report " + receipt + " added to the case"));
        }
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
            throw new IllegalArgumentException("a note needs text (at most 20,000 characters)");
        }
        jdbc.sql("insert into case_note (case_id, author, body, for_authority) values (?, ?, ?, ?)")
                .params(c.id(), user.id(), body.strip(), forAuthority).update();
        custody.append(new CustodyEvent("linked", user.actor(), subject(number), List.of(), List.of(),
                forAuthority ? "note added, for the authority" : "note added"));
    }

    /** A note chosen for the authority, on a case holding a given report: which case, who, when, what. */
    public record AuthorityNote(String caseNumber, UUID author, Instant at, String body) {
    }

    /** The notes chosen for the authority on the organisation's cases that hold a report, oldest first. */
    public List<AuthorityNote> notesForAuthority(UUID reportId, UUID organisation) {
        return jdbc.sql("""
                        select c.number, n.author, n.at, n.body from case_note n
                        join filet_case c on c.id = n.case_id
                        join case_report cr on cr.case_id = c.id
                        where cr.report_id = ? and c.organisation = ? and n.for_authority
                        order by n.at, n.id""")
                .params(reportId, organisation)
                .query((rs, n) -> new AuthorityNote(rs.getString(1), rs.getObject(2, UUID.class),
                        rs.getTimestamp(3).toInstant(), rs.getString(4)))
                .list();
    }

    /** A task of the case: what, for whom, done or not. */
    public record Task(long id, String title, UUID assignee, Instant doneAt) {
    }

    @Transactional
    public void addTask(StaffUser user, String number, String title, String assigneeEmail) {
        Case c = find(user.organisation(), number).orElseThrow(CaseProblems.CaseNotFound::new);
        if (title == null || title.isBlank() || title.length() > 500) {
            throw new IllegalArgumentException("a task needs a title (at most 500 characters)");
        }
        UUID assignee = assigneeEmail == null || assigneeEmail.isBlank() ? null : member(user.organisation(), assigneeEmail);
        jdbc.sql("insert into case_task (case_id, title, assignee, created_by) values (?, ?, ?, ?)")
                .params(c.id(), title.strip(), assignee, user.id()).update();
        custody.append(new CustodyEvent("linked", user.actor(), subject(number), List.of(), List.of(), "task added"));
    }

    @Transactional
    public void completeTask(StaffUser user, String number, long taskId) {
        Case c = find(user.organisation(), number).orElseThrow(CaseProblems.CaseNotFound::new);
        if (jdbc.sql("update case_task set done_at = now() where id = ? and case_id = ? and done_at is null")
                .params(taskId, c.id()).update() == 1) {
            custody.append(new CustodyEvent("linked", user.actor(), subject(number), List.of(), List.of(), "task done"));
        }
    }

    /** Assigns the case to a member of the organisation (by email). */
    @Transactional
    public void assign(StaffUser user, String number, String assigneeEmail) {
        Case c = find(user.organisation(), number).orElseThrow(CaseProblems.CaseNotFound::new);
        UUID assignee = member(user.organisation(), assigneeEmail);
        jdbc.sql("update filet_case set assigned_to = ? where id = ?").params(assignee, c.id()).update();
        custody.append(new CustodyEvent("linked", user.actor(), subject(number), List.of(), List.of(),
                "assigned to user:" + assignee));
    }

    public List<Task> tasks(UUID caseId) {
        return jdbc.sql("select id, title, assignee, done_at from case_task where case_id = ? order by id")
                .param(caseId).query((rs, n) -> new Task(rs.getLong(1), rs.getString(2), rs.getObject(3, UUID.class),
                        rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant()))
                .list();
    }

    private UUID member(UUID organisation, String email) {
        return jdbc.sql("select id from staff_user where organisation = ? and email = ? and enabled")
                .params(organisation, email == null ? "" : email.trim().toLowerCase(java.util.Locale.ROOT))
                .query(UUID.class).optional()
                .orElseThrow(() -> new IllegalArgumentException("no such member of your organisation"));
    }

    /**
     * Moves a case along its flow. Moving to approved needs a lead (or administrator) who is not the author: the
     * four-eyes rule. Both names stay on the case and in the custody record.
     */
    @Transactional
    public Case move(StaffUser user, String number, CaseStatus target, String note) {
        Case c = jdbc.sql("select id, number, title, status, created_by, created_at, assigned_to, approved_by, approved_at "
                        + "from filet_case where organisation = ? and number = ? for update")
                .params(user.organisation(), number).query(Cases::row).optional()
                .orElseThrow(CaseProblems.CaseNotFound::new);
        if (!c.status().canMoveTo(target)) {
            throw new CaseProblems.TransitionNotAllowed(c.status(), target);
        }
        if (target == CaseStatus.APPROVED) {
            if (user.role() != Role.LEAD && user.role() != Role.ADMIN) {
                throw new CaseProblems.FourEyesRequired("only a lead may approve a case");
            }
            if (user.id().equals(c.createdBy())) {
                throw new CaseProblems.FourEyesRequired("the author of a case cannot approve it: a second person must");
            }
            jdbc.sql("update filet_case set approved_by = ?, approved_at = now() where id = ?").params(user.id(), c.id()).update();
        }
        jdbc.sql("update filet_case set status = ? where id = ?").params(target.dbValue(), c.id()).update();
        jdbc.sql("insert into case_transition (case_id, from_status, to_status, by_user, note) values (?, ?, ?, ?, ?)")
                .params(c.id(), c.status().dbValue(), target.dbValue(), user.id(), note).update();
        custody.append(new CustodyEvent("linked", user.actor(), subject(number), List.of(), List.of(),
                "status " + c.status().dbValue() + " -> " + target.dbValue()
                        + (target == CaseStatus.APPROVED ? " (four-eyes: author " + c.createdBy() + ", approver " + user.id() + ")" : "")));
        return find(user.organisation(), number).orElseThrow();
    }

    public Optional<Case> find(UUID organisation, String number) {
        return jdbc.sql("select id, number, title, status, created_by, created_at, assigned_to, approved_by, approved_at "
                        + "from filet_case where organisation = ? and number = ?")
                .params(organisation, number).query(Cases::row).optional();
    }

    public List<Case> list(UUID organisation) {
        return jdbc.sql("select id, number, title, status, created_by, created_at, assigned_to, approved_by, approved_at "
                        + "from filet_case where organisation = ? order by created_at desc limit 500")
                .param(organisation).query(Cases::row).list();
    }

    public List<CaseReport> reports(UUID caseId) {
        return jdbc.sql("""
                        select r.receipt, r.received_at, r.immediate_danger from case_report c join report r on r.id = c.report_id
                        where c.case_id = ? order by r.received_at""")
                .param(caseId).query((rs, n) -> new CaseReport(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getBoolean(3)))
                .list();
    }

    public List<Note> notes(UUID caseId) {
        return jdbc.sql("select author, at, body, for_authority from case_note where case_id = ? order by at")
                .param(caseId).query((rs, n) -> new Note(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant(),
                        rs.getString(3), rs.getBoolean(4)))
                .list();
    }

    public List<Transition> transitions(UUID caseId) {
        return jdbc.sql("select from_status, to_status, by_user, at, note from case_transition where case_id = ? order by at")
                .param(caseId).query((rs, n) -> new Transition(rs.getString(1), rs.getString(2), rs.getObject(3, UUID.class),
                        rs.getTimestamp(4).toInstant(), rs.getString(5)))
                .list();
    }

    private static Case row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Case(rs.getObject("id", UUID.class), rs.getString("number"), rs.getString("title"),
                CaseStatus.parse(rs.getString("status")), rs.getObject("created_by", UUID.class),
                rs.getTimestamp("created_at").toInstant(), rs.getObject("assigned_to", UUID.class),
                rs.getObject("approved_by", UUID.class),
                rs.getTimestamp("approved_at") == null ? null : rs.getTimestamp("approved_at").toInstant());
    }
}
