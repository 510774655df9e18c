package org.filet.server.referral;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.filet.server.cases.CaseStatus;
import org.filet.server.cases.Cases;
import org.filet.server.evidence.CustodyEvent;
import org.filet.server.evidence.CustodyLedger;
import org.filet.server.intake.Reports;
import org.filet.server.people.StaffUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Referrals of approved cases to a competent authority, and what the authority records back. */
@Component
public class Referrals {

    static final Set<String> OUTCOMES = Set.of(
            "investigation_opened", "suspect_identified", "arrest", "charges", "conviction", "no_further_action");

    private final JdbcClient jdbc;
    private final Cases cases;
    private final Authorities authorities;
    private final Reports reports;
    private final CustodyLedger custody;

    Referrals(JdbcClient jdbc, Cases cases, Authorities authorities, Reports reports, CustodyLedger custody) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.authorities = authorities;
        this.reports = reports;
        this.custody = custody;
    }

    /** A referral as both sides see it. */
    public record Referral(
            UUID id,
            UUID caseId,
            String caseNumber,
            String caseTitle,
            String authority,
            String proposed,
            String overrideReason,
            String status,
            UUID sentBy,
            Instant sentAt,
            Instant acceptedAt) {}

    public record Outcome(String kind, LocalDate onDate, UUID recordedBy, Instant recordedAt) {}

    /** Why a referral is refused. */
    public static final class ReferralRefused extends RuntimeException {
        private final String key;

        public ReferralRefused(String why) {
            this(null, why);
        }

        public ReferralRefused(String key, String why) {
            super(why);
            this.key = key;
        }

        /** The message that explains it in the user's language, when there is one. */
        public String key() {
            return key == null ? "referral.refused.other" : key;
        }
    }

    /** The routing proposal for a case of the user's organisation. */
    public Optional<Authorities.Proposal> proposal(StaffUser user, String number) {
        Cases.Case c = cases.find(user.organisation(), number).orElseThrow(() -> new ReferralRefused("no such case"));
        List<String> countries = jdbc.sql("""
                        select r.child_country from case_report cr join report r on r.id = cr.report_id
                        where cr.case_id = ? order by r.received_at""").param(c.id()).query(String.class).list();
        return authorities.propose(countries);
    }

    /**
     * Refers an approved case. Four-eyes: the sender is a lead who is not the case's author (the approver was already
     * a second person). Choosing another authority than the proposal needs a reason, recorded.
     */
    @Transactional
    public Referral send(StaffUser user, String number, String authorityCode, String reason) {
        Cases.Case c = cases.find(user.organisation(), number).orElseThrow(() -> new ReferralRefused("no such case"));
        if (c.status() != CaseStatus.APPROVED) {
            throw new ReferralRefused("referral.refused.not-approved", "only an approved case can be referred");
        }
        if (!user.role().leads() || user.id().equals(c.createdBy())) {
            throw new ReferralRefused(
                    "referral.refused.lead", "a referral is sent by a lead who is not the case's author");
        }
        String proposed = proposal(user, number).map(p -> p.authority().code()).orElse(null);
        String chosen = authorityCode == null || authorityCode.isBlank() ? proposed : authorityCode;
        if (chosen == null || authorities.find(chosen).isEmpty()) {
            throw new ReferralRefused("referral.refused.authority", "choose an authority of the directory");
        }
        String override = null;
        if (!chosen.equals(proposed)) {
            if (reason == null || reason.isBlank()) {
                throw new ReferralRefused(
                        "referral.refused.reason", "choosing another authority than the one proposed needs a reason");
            }
            override = reason.strip();
        }
        UUID id = UUID.randomUUID();
        jdbc.sql(
                        "insert into referral (id, case_id, authority, proposed, override_reason, status, sent_by) values (?, ?, ?, ?, ?, 'sent', ?)")
                .params(id, c.id(), chosen, proposed, override, user.id())
                .update();
        cases.move(user, number, CaseStatus.REFERRED, "referred to " + chosen);
        List<String> receipts = List.copyOf(cases.referredContent(c.id()).keySet());
        reports.setStatus(receipts, "referred");
        String why =
                "referred to " + chosen + (override == null ? "" : " (instead of " + proposed + ": " + override + ")");
        custody.append(new CustodyEvent("referred", user.actor(), "case:" + number, List.of(), List.of(), why));
        for (String receipt : receipts) {
            custody.append(
                    new CustodyEvent("referred", user.actor(), Reports.subject(receipt), List.of(), List.of(), why));
        }
        return find(id).orElseThrow();
    }

    /**
     * A referred case whose content changed since: a second person approves the new content, which goes at once to
     * the authority the case was referred to. The authority sees nothing of the change before that approval.
     */
    @Transactional
    public Cases.Snapshot sendSupplement(StaffUser user, String number) {
        Cases.Case c = cases.find(user.organisation(), number).orElseThrow(() -> new ReferralRefused("no such case"));
        Referral r = ofCase(c.id()).orElseThrow(() -> new ReferralRefused("no such referral for this case"));
        java.util.Set<String> before = cases.referredContent(c.id()).keySet();
        java.util.Set<String> already = java.util.Set.copyOf(before);
        Cases.Snapshot snapshot = cases.approveSupplement(user, number);
        List<String> added = snapshot.reports().stream()
                .map(Cases.SnapshotReport::receipt)
                .filter(x -> !already.contains(x))
                .toList();
        reports.setStatus(added, "referred");
        String why = "supplement " + snapshot.version() + " approved and referred to " + r.authority();
        custody.append(new CustodyEvent("referred", user.actor(), "case:" + number, List.of(), List.of(), why));
        for (Cases.SnapshotReport report : snapshot.reports()) {
            custody.append(new CustodyEvent(
                    "referred", user.actor(), Reports.subject(report.receipt()), List.of(), List.of(), why));
        }
        return snapshot;
    }

    public Optional<Referral> find(UUID id) {
        return list("where f.id = ?", id).stream().findFirst();
    }

    /** The referrals addressed to an authority. */
    public List<Referral> forAuthority(String authority) {
        return list("where f.authority = ?", authority);
    }

    public Optional<Referral> ofCase(UUID caseId) {
        return list("where f.case_id = ?", caseId).stream().findFirst();
    }

    /** The authority accepts a referral addressed to it. */
    @Transactional
    public void accept(StaffUser user, String authority, UUID id) {
        Referral r = addressedTo(authority, id);
        jdbc.sql(
                        "update referral set status = 'accepted', accepted_by = ?, accepted_at = now() where id = ? and status = 'sent'")
                .params(user.id(), r.id())
                .update();
        custody.append(new CustodyEvent(
                "referred", user.actor(), "case:" + r.caseNumber(), List.of(), List.of(), "accepted by " + authority));
    }

    /**
     * The authority records an outcome. Recording one never closes the referral: an arrest is often the start of the
     * proceedings, and the parent's status changes only when the officer closes the referral.
     */
    @Transactional
    public void outcome(StaffUser user, String authority, UUID id, String kind, LocalDate onDate) {
        Referral r = addressedTo(authority, id);
        if (!OUTCOMES.contains(kind)
                || onDate == null
                || onDate.isAfter(LocalDate.now().plusDays(1))) {
            throw new ReferralRefused(
                    "referral.refused.outcome", "an outcome needs a known kind and a date not in the future");
        }
        jdbc.sql("insert into referral_outcome (referral_id, kind, on_date, recorded_by) values (?, ?, ?, ?)")
                .params(r.id(), kind, onDate, user.id())
                .update();
        custody.append(new CustodyEvent(
                "referred",
                user.actor(),
                "case:" + r.caseNumber(),
                List.of(),
                List.of(),
                "outcome recorded by " + authority + ": " + kind + " on " + onDate));
    }

    /** The officer closes the referral: the authority's work on it is over; the reporters then read "closed". */
    @Transactional
    public void close(StaffUser user, String authority, UUID id) {
        Referral r = addressedTo(authority, id);
        if (jdbc.sql("update referral set status = 'closed' where id = ? and status <> 'closed'")
                        .param(r.id())
                        .update()
                == 1) {
            reports.setStatus(List.copyOf(cases.referredContent(r.caseId()).keySet()), "closed");
            custody.append(new CustodyEvent(
                    "referred",
                    user.actor(),
                    "case:" + r.caseNumber(),
                    List.of(),
                    List.of(),
                    "referral closed by " + authority));
        }
    }

    public List<Outcome> outcomes(UUID id) {
        return jdbc.sql(
                        "select kind, on_date, recorded_by, recorded_at from referral_outcome where referral_id = ? order by on_date, id")
                .param(id)
                .query((rs, n) -> new Outcome(
                        rs.getString(1),
                        rs.getDate(2).toLocalDate(),
                        rs.getObject(3, UUID.class),
                        rs.getTimestamp(4).toInstant()))
                .list();
    }

    /** A message of the exchange between the authority and the organisation. */
    public record Message(String fromSide, UUID author, Instant at, String body) {}

    public List<Message> messages(UUID id) {
        return jdbc.sql(
                        "select from_side, author, at, body from referral_message where referral_id = ? order by at, id")
                .param(id)
                .query((rs, n) -> new Message(
                        rs.getString(1),
                        rs.getObject(2, UUID.class),
                        rs.getTimestamp(3).toInstant(),
                        rs.getString(4)))
                .list();
    }

    /** The authority asks the organisation a question (it appears on the case). */
    @Transactional
    public void ask(StaffUser user, String authority, UUID id, String body) {
        Referral r = addressedTo(authority, id);
        message(r, "authority", user, body);
    }

    /** The organisation answers on the case; the answer goes back to the authority's portal. */
    @Transactional
    public void answer(StaffUser user, String number, String body) {
        Cases.Case c = cases.find(user.organisation(), number).orElseThrow(() -> new ReferralRefused("no such case"));
        Referral r = ofCase(c.id()).orElseThrow(() -> new ReferralRefused("no such referral for this case"));
        message(r, "organisation", user, body);
    }

    /** The authority hands the referral to another authority of the directory, with a reason; both are recorded. */
    @Transactional
    public void handOver(StaffUser user, String authority, UUID id, String to, String reason) {
        Referral r = addressedTo(authority, id);
        if (authorities.find(to).isEmpty() || to.equals(authority)) {
            throw new ReferralRefused("referral.refused.handover", "hand over to another authority of the directory");
        }
        if (reason == null || reason.isBlank() || reason.length() > 2000) {
            throw new ReferralRefused("referral.refused.handover-reason", "a hand-over needs a reason");
        }
        jdbc.sql(
                        "insert into referral_handover (referral_id, from_authority, to_authority, by_user, reason) values (?, ?, ?, ?, ?)")
                .params(r.id(), authority, to, user.id(), reason.strip())
                .update();
        jdbc.sql(
                        "update referral set authority = ?, status = 'sent', accepted_by = null, accepted_at = null where id = ?")
                .params(to, r.id())
                .update();
        custody.append(new CustodyEvent(
                "referred",
                user.actor(),
                "case:" + r.caseNumber(),
                List.of(),
                List.of(),
                "handed over by " + authority + " to " + to + ": " + reason.strip()));
    }

    private void message(Referral r, String side, StaffUser user, String body) {
        if (body == null || body.isBlank() || body.length() > 20_000) {
            throw new ReferralRefused("referral.refused.message", "a message needs text (at most 20,000 characters)");
        }
        jdbc.sql("insert into referral_message (referral_id, from_side, author, body) values (?, ?, ?, ?)")
                .params(r.id(), side, user.id(), body.strip())
                .update();
        custody.append(new CustodyEvent(
                "referred", user.actor(), "case:" + r.caseNumber(), List.of(), List.of(), "message from the " + side));
    }

    private Referral addressedTo(String authority, UUID id) {
        return find(id).filter(r -> r.authority().equals(authority))
                .orElseThrow(() -> new ReferralRefused("no such referral for your authority"));
    }

    private List<Referral> list(String where, Object param) {
        return jdbc.sql("""
                        select f.id, f.case_id, c.number, c.title, f.authority, f.proposed, f.override_reason, f.status,
                               f.sent_by, f.sent_at, f.accepted_at
                        from referral f join filet_case c on c.id = f.case_id""" + " " + where + " order by f.sent_at desc")
                .param(param)
                .query((rs, n) -> new Referral(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getObject(9, UUID.class),
                        rs.getTimestamp(10).toInstant(),
                        rs.getTimestamp(11) == null ? null : rs.getTimestamp(11).toInstant()))
                .list();
    }
}
