package org.filet.server.referral;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.filet.server.cases.CaseEvent;
import org.filet.server.cases.CaseEventSource;
import org.filet.server.cases.Cases;
import org.filet.server.evidence.CustodyLedger;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The referral's part of a case history: sent (to which authority, and why another than the one proposed), supplements
 * sent, accepted, the authority's questions and the organisation's answers, outcomes, hand-overs and closing. From the
 * referral's tables, and for what they do not keep (acceptance and closing, whose columns a hand-over resets), from the
 * custody events this capability writes on the case.
 */
@Component
class ReferralHistory implements CaseEventSource {

    private static final int QUOTE = 160;

    private final Referrals referrals;
    private final Authorities authorities;
    private final JdbcClient jdbc;
    private final CustodyLedger custody;

    ReferralHistory(Referrals referrals, Authorities authorities, JdbcClient jdbc, CustodyLedger custody) {
        this.referrals = referrals;
        this.authorities = authorities;
        this.jdbc = jdbc;
        this.custody = custody;
    }

    @Override
    public List<CaseEvent> eventsOf(Cases.Case kase) {
        Referrals.Referral r = referrals.ofCase(kase.id()).orElse(null);
        if (r == null) {
            return List.of();
        }
        List<CaseEvent> events = new ArrayList<>();
        String first = jdbc.sql(
                        "select from_authority from referral_handover where referral_id = ? order by at, id limit 1")
                .param(r.id())
                .query(String.class)
                .optional()
                .orElse(r.authority());
        events.add(
                r.overrideReason() == null
                        ? CaseEvent.of(r.sentAt(), r.sentBy(), "case.event.referred", name(first))
                        : CaseEvent.of(
                                r.sentAt(),
                                r.sentBy(),
                                "case.event.referred.override",
                                name(first),
                                name(r.proposed()),
                                r.overrideReason()));
        for (Referrals.Message m : referrals.messages(r.id())) {
            events.add(CaseEvent.of(
                    m.at(),
                    m.author(),
                    m.fromSide().equals("authority") ? "case.event.question" : "case.event.answer",
                    quote(m.body())));
        }
        for (Referrals.Outcome o : referrals.outcomes(r.id())) {
            events.add(CaseEvent.of(
                    o.recordedAt(),
                    o.recordedBy(),
                    "case.event.outcome",
                    "msg:referral.outcome." + o.kind(),
                    o.onDate().toString()));
        }
        jdbc.sql(
                        "select at, by_user, from_authority, to_authority, reason from referral_handover where referral_id = ? order by at, id")
                .param(r.id())
                .query((rs, n) -> CaseEvent.of(
                        rs.getTimestamp(1).toInstant(),
                        rs.getObject(2, UUID.class),
                        "case.event.handover",
                        name(rs.getString(3)),
                        name(rs.getString(4)),
                        quote(rs.getString(5))))
                .list()
                .forEach(events::add);
        for (CustodyLedger.RecordedEvent e : custody.history("case:" + kase.number())) {
            String why = e.event().reason();
            if (!e.event().action().equals("referred") || why == null) {
                continue;
            }
            if (why.startsWith("accepted by ")) {
                events.add(new CaseEvent(
                        e.recordedAt(),
                        e.event().actor(),
                        "case.event.accepted",
                        List.of(name(why.substring("accepted by ".length())))));
            } else if (why.startsWith("referral closed by ")) {
                events.add(new CaseEvent(
                        e.recordedAt(),
                        e.event().actor(),
                        "case.event.closed",
                        List.of(name(why.substring("referral closed by ".length())))));
            } else if (why.startsWith("supplement ")) {
                String[] parts = why.split(" ");
                events.add(new CaseEvent(
                        e.recordedAt(),
                        e.event().actor(),
                        "case.event.supplement",
                        List.of(parts[1], name(parts[parts.length - 1]))));
            }
        }
        return events;
    }

    private String name(String code) {
        return code == null
                ? "—"
                : authorities.find(code).map(Authorities.Authority::name).orElse(code);
    }

    private static String quote(String text) {
        String t = text.strip().replaceAll("\\s+", " ");
        return t.length() <= QUOTE ? t : t.substring(0, QUOTE) + "…";
    }
}
