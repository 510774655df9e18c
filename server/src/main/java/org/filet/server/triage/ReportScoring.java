package org.filet.server.triage;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.filet.grooming.Conversation;
import org.filet.grooming.Message;
import org.filet.grooming.RiskLevel;
import org.filet.grooming.RiskScore;
import org.filet.grooming.RiskScorer;
import org.filet.grooming.SignalEvidence;
import org.filet.grooming.UrgencyReason;
import org.filet.server.conversations.Conversations;
import org.filet.server.conversations.ConversationsParsed;
import org.filet.server.evidence.CustodyEvent;
import org.filet.server.evidence.CustodyLedger;
import org.filet.server.intake.Reports;
import org.filet.server.support.Components;
import org.filet.server.support.JobHandler;

/**
 * Scores a report once its exports are parsed: the messages the reporter pasted or sent, the reporter's description
 * (for the urgency rules only: it is the parent's account, not the conversation) and every parsed conversation. The
 * report's risk is the highest conversation risk; it is urgent when any urgency rule fired or the reporter said the
 * child is in immediate danger. The score orders work; it accuses no one.
 */
@Component
class ReportScoring implements JobHandler {

    static final String SCORER = Components.actor("grooming");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Reports reports;
    private final Conversations conversations;
    private final CustodyLedger custody;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Alerts alerts;
    private final org.filet.server.people.OrganisationSettings organisationSettings;
    private final AlertMail alertMail;

    ReportScoring(Reports reports, Conversations conversations, CustodyLedger custody,
                  JdbcClient jdbc, TransactionTemplate transactions, Alerts alerts,
                  org.filet.server.people.OrganisationSettings organisationSettings, AlertMail alertMail) {
        this.alertMail = alertMail;
        this.alerts = alerts;
        this.organisationSettings = organisationSettings;
        this.reports = reports;
        this.conversations = conversations;
        this.custody = custody;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Override
    public String kind() {
        return ConversationsParsed.JOB;
    }

    @Override
    public void run(String subject) throws Exception {
        UUID reportId = UUID.fromString(subject);
        Reports.ReportDetail report = reports.detailById(reportId).orElseThrow(() -> new IllegalStateException("no report " + reportId));
        RiskScorer scorer = scorerFor(reports.organisationOf(reportId).orElseThrow());
        List<Scored> scored = new ArrayList<>();
        List<String> inputs = new ArrayList<>();
        inputs.add(report.submissionSha256());

        List<Message> submitted = new ArrayList<>();
        for (Reports.Message m : report.messages()) {
            submitted.add(new Message(m.position(), m.from() == null ? "" : m.from(), m.text()));
        }
        if (!submitted.isEmpty()) {
            Conversation c = withAge(Conversation.of("messages", submitted).withChild("child").withSuspect("suspect"), report);
            scored.add(new Scored("messages", null, scorer.score(c), false));
        }
        if (report.description() != null && !report.description().isBlank()) {
            Conversation c = withAge(Conversation.ofLines("description", List.of(report.description())), report);
            scored.add(new Scored("description", null, scorer.score(c), true));
        }
        for (Conversations.Parse parse : conversations.parses(reportId)) {
            inputs.add(parse.parseSha256());
            List<org.filet.chatexport.Conversation> parsed = conversations.read(parse);
            for (int i = 0; i < parsed.size(); i++) {
                List<Message> messages = new ArrayList<>();
                for (org.filet.chatexport.Message m : parsed.get(i).messages()) {
                    if (m.text() != null && !m.text().isBlank()) {
                        messages.add(new Message(m.index(), m.sender() == null ? "" : m.sender(), m.text()));
                    }
                }
                if (!messages.isEmpty()) {
                    String id = parse.parseSha256() + "#" + i;
                    Conversation c = withAge(Conversation.of(id, messages), report);
                    String child = childSender(parsed.get(i), report.childNameInConversation());
                    if (child != null) {
                        c = c.withChild(child);
                    }
                    scored.add(new Scored(id, parse.parseSha256(), scorer.score(c), false));
                }
            }
        }
        Result result = combine(report, scored);
        UUID organisation = reports.organisationOf(reportId).orElseThrow();
        boolean alreadyAlerted = jdbc.sql("select count(*) from triage_alert where report_id = ?").param(reportId)
                .query(Long.class).single() > 0;
        transactions.executeWithoutResult(status -> {
            jdbc.sql("""
                            insert into report_triage (report_id, scorer, risk, level, urgent, reasons, explanation)
                            values (?, ?, ?, ?, ?, ?, ?)
                            on conflict (report_id) do update set scored_at = now(), scorer = excluded.scorer,
                                risk = excluded.risk, level = excluded.level, urgent = excluded.urgent,
                                reasons = excluded.reasons, explanation = excluded.explanation""")
                    .params(reportId, SCORER, result.risk(), result.level(), result.urgent(),
                            result.reasons().toArray(String[]::new), result.explanation())
                    .update();
            custody.append(new CustodyEvent("scored", SCORER, Reports.subject(report.receipt()),
                    inputs.stream().distinct().toList(), List.of(), null));
            if (result.urgent()) {
                alerts.raise(reportId, organisation, result.reasons());
            }
        });
        if (result.urgent() && !alreadyAlerted) {
            alertMail.send(organisation, report.receipt(), result.reasons());
        }
    }

    private static final org.filet.grooming.TriageModel MODEL = org.filet.grooming.TriageModel.bundled();

    /** The scorer with the organisation's urgency rules (the instance defaults where it chose nothing). */
    RiskScorer scorerFor(java.util.UUID organisation) {
        var o = organisationSettings.of(organisation);
        var d = org.filet.grooming.UrgencySettings.defaults();
        return new RiskScorer(MODEL, new org.filet.grooming.UrgencySettings(
                o.urgentMeeting() == null ? d.meetingWithTimeOrPlace() : o.urgentMeeting(), d.meetingWindow(),
                o.urgentAddress() == null ? d.addressAsked() : o.urgentAddress(),
                o.urgentWhereNow() == null ? d.whereNowAsked() : o.urgentWhereNow(),
                o.urgentThreat() == null ? d.threatOrSextortion() : o.urgentThreat(),
                o.urgentSelfHarm() == null ? d.selfHarm() : o.urgentSelfHarm(),
                o.urgentChildBelow() == null ? d.childAgeBelow() : o.urgentChildBelow()));
    }

    /** The sender name that is the child, when the reporter named the child and that name is a participant. */
    static String childSender(org.filet.chatexport.Conversation c, String named) {
        if (named == null || named.isBlank()) {
            return null;
        }
        String wanted = named.strip().toLowerCase(Locale.ROOT);
        return c.participants().stream().map(org.filet.chatexport.Participant::displayName)
                .filter(n -> n.strip().toLowerCase(Locale.ROOT).equals(wanted)).findFirst().orElse(null);
    }

    private static Conversation withAge(Conversation c, Reports.ReportDetail report) {
        Integer age = report.childAge();
        return age != null && age >= 0 && age <= 17 ? c.withChildAge(age) : c;
    }

    private record Scored(String id, String parseSha256, RiskScore score, boolean urgencyOnly) {
    }

    record Result(double risk, String level, boolean urgent, List<String> reasons, String explanation) {
    }

    static Result combine(Reports.ReportDetail report, List<Scored> scored) {
        double risk = 0;
        RiskLevel level = RiskLevel.LOW;
        Set<String> reasons = new LinkedHashSet<>();
        if (report.immediateDanger()) {
            reasons.add("immediate-danger-reported");
        }
        ArrayNode explanation = JSON.createArrayNode();
        for (Scored s : scored) {
            for (UrgencyReason u : s.score().urgencies()) {
                reasons.add(u.rule().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            }
            if (!s.urgencyOnly()) {
                risk = Math.max(risk, s.score().score());
                if (s.score().level().ordinal() > level.ordinal()) {
                    level = s.score().level();
                }
            }
            ObjectNode node = explanation.addObject();
            node.put("conversation", s.id());
            if (s.parseSha256() != null) {
                node.put("parse", s.parseSha256());
            }
            node.put("risk", s.score().score());
            node.put("level", s.score().level().name().toLowerCase(Locale.ROOT));
            node.put("language", s.score().language().name().toLowerCase(Locale.ROOT));
            s.score().firstAlertIndex().ifPresent(i -> node.put("firstAlert", i));
            ArrayNode signals = node.putArray("signals");
            for (SignalEvidence e : s.score().signals()) {
                ObjectNode sig = signals.addObject();
                sig.put("signal", e.signal().name().toLowerCase(Locale.ROOT));
                ArrayNode idx = sig.putArray("messages");
                e.messageIndexes().forEach(idx::add);
            }
            ArrayNode urg = node.putArray("urgencies");
            for (UrgencyReason u : s.score().urgencies()) {
                ObjectNode un = urg.addObject();
                un.put("rule", u.rule().name().toLowerCase(Locale.ROOT).replace('_', '-'));
                ArrayNode idx = un.putArray("messages");
                u.messageIndexes().forEach(idx::add);
            }
        }
        boolean urgent = !reasons.isEmpty();
        String levelName = urgent ? "urgent" : level.name().toLowerCase(Locale.ROOT);
        return new Result(risk, levelName, urgent, List.copyOf(reasons), JSON.writeValueAsString(explanation));
    }
}
