package org.filet.server.triage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.filet.conversation.Conversation;
import org.filet.conversation.Message;
import org.filet.grooming.RiskLevel;
import org.filet.grooming.RiskScore;
import org.filet.grooming.RiskScorer;
import org.filet.grooming.Roles;
import org.filet.grooming.SignalEvidence;
import org.filet.grooming.TriageModel;
import org.filet.grooming.UrgencyReason;
import org.filet.server.conversations.Conversations;
import org.filet.server.conversations.ConversationsParsed;
import org.filet.server.conversations.Screenshots;
import org.filet.server.evidence.CustodyEvent;
import org.filet.server.evidence.CustodyLedger;
import org.filet.server.intake.Reports;
import org.filet.server.support.Components;
import org.filet.server.support.JobHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Scores a report once its files are read: every text the reporter gave — the description, the messages they pasted,
 * every conversation of every parsed export and every screenshot's OCR reading (a machine reading: it counts, and the
 * explanation says which signal came from it, with the line and its box in the picture). Urgency rules run over all of
 * them. The report's risk is the highest; its level is the model's; it is urgent when any urgency rule fired or the
 * reporter said the child is in immediate danger. The job runs after every parse and OCR of the report (conversations
 * enqueues it at the end of each reading, also when files are added later or an analyst decides how an export is
 * read), so a late reading rescores the report. The score orders work; it accuses no one.
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
    private final Screenshots screenshots;
    private final QueueEntries queueEntries;

    ReportScoring(
            Reports reports,
            Conversations conversations,
            CustodyLedger custody,
            JdbcClient jdbc,
            TransactionTemplate transactions,
            Alerts alerts,
            org.filet.server.people.OrganisationSettings organisationSettings,
            AlertMail alertMail,
            Screenshots screenshots,
            QueueEntries queueEntries) {
        this.screenshots = screenshots;
        this.queueEntries = queueEntries;
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
        Reports.ReportDetail report =
                reports.detailById(reportId).orElseThrow(() -> new IllegalStateException("no report " + reportId));
        UUID organisation = reports.organisationOf(reportId).orElseThrow();
        RiskScorer scorer = scorerFor(organisation);
        List<String> inputs = new ArrayList<>();
        inputs.add(report.submissionSha256());
        List<String> read = derived(reportId);
        List<Scored> scored = new ArrayList<>();
        for (Text text : texts(report, inputs)) {
            scored.add(new Scored(text, scorer.score(text.conversation(), text.roles())));
        }
        Result result = combine(report, scored);
        boolean alreadyAlerted = jdbc.sql("select count(*) from triage_alert where report_id = ?")
                        .param(reportId)
                        .query(Long.class)
                        .single()
                > 0;
        Boolean written = transactions.execute(status -> {
            // two scorings of one report (several nodes) write one after the other, and one that read older readings
            // than the report now has writes nothing: the job enqueued by the newer reading scores them
            jdbc.sql("select pg_advisory_xact_lock(hashtext(?))")
                    .param("triage:" + reportId)
                    .query(Object.class)
                    .list();
            if (!derived(reportId).equals(read)) {
                return false;
            }
            jdbc.sql("""
                            insert into report_triage (report_id, scorer, risk, level, urgent, reasons, explanation)
                            values (?, ?, ?, ?, ?, ?, ?)
                            on conflict (report_id) do update set scored_at = now(), scorer = excluded.scorer,
                                risk = excluded.risk, level = excluded.level, urgent = excluded.urgent,
                                reasons = excluded.reasons, explanation = excluded.explanation""")
                    .params(
                            reportId,
                            SCORER,
                            result.risk(),
                            result.level(),
                            result.urgent(),
                            result.reasons().toArray(String[]::new),
                            result.explanation())
                    .update();
            custody.append(new CustodyEvent(
                    "scored",
                    SCORER,
                    Reports.subject(report.receipt()),
                    inputs.stream().distinct().toList(),
                    List.of(),
                    null));
            if (result.urgent()) {
                alerts.raise(reportId, organisation, result.reasons());
            }
            queueEntries.refresh(reportId);
            return true;
        });
        if (Boolean.TRUE.equals(written) && result.urgent() && !alreadyAlerted) {
            alertMail.send(organisation, report.receipt(), result.reasons());
        }
    }

    /** The derived readings of the report's files (parses and OCR readings) as they stand. */
    private List<String> derived(UUID reportId) {
        List<String> shas = new ArrayList<>();
        conversations.parses(reportId).forEach(p -> shas.add(p.parseSha256()));
        screenshots.of(reportId).forEach(r -> shas.add(r.fileSha256() + ":" + r.ocrSha256()));
        return shas;
    }

    /**
     * One text the reporter gave, as a conversation to score with what is known of its people: where it came from
     * ({@code description}, {@code pasted}, {@code export}, {@code ocr}), the original file's SHA-256 and the derived
     * artefact's (parse or OCR reading), and for a machine reading the line each message index stands for.
     */
    record Text(
            String id,
            String source,
            String file,
            String derived,
            Conversation conversation,
            Roles roles,
            Map<Integer, Screenshots.Line> lines) {}

    /** Every text of a report: description, pasted messages, each parsed export conversation, each OCR reading. */
    List<Text> texts(Reports.ReportDetail report, List<String> inputs) throws java.io.IOException {
        List<Text> texts = new ArrayList<>();
        Roles roles = withAge(Roles.NONE, report);
        if (report.description() != null && !report.description().isBlank()) {
            texts.add(new Text(
                    "description",
                    "description",
                    null,
                    null,
                    Conversation.ofLines(List.of(report.description())),
                    roles,
                    Map.of()));
        }
        List<Message> submitted = new ArrayList<>();
        for (Reports.Message m : report.messages()) {
            submitted.add(Message.text(m.position(), m.from(), m.text()));
        }
        if (!submitted.isEmpty()) {
            texts.add(new Text(
                    "messages",
                    "pasted",
                    null,
                    null,
                    Conversation.of(submitted),
                    roles.withChild("child").withSuspect("suspect"),
                    Map.of()));
        }
        for (Conversations.Parse parse : conversations.parses(report.id())) {
            inputs.add(parse.parseSha256());
            List<Conversation> parsed = conversations.read(parse);
            for (int i = 0; i < parsed.size(); i++) {
                Conversation c = parsed.get(i);
                if (c.messages().stream()
                        .anyMatch(m -> m.text() != null && !m.text().isBlank())) {
                    String id = parse.parseSha256() + "#" + i;
                    String child = childSender(c, report.childNameInConversation());
                    texts.add(new Text(
                            id,
                            "export",
                            parse.fileSha256(),
                            parse.parseSha256(),
                            c,
                            child == null ? roles : roles.withChild(child),
                            Map.of()));
                }
            }
        }
        for (Screenshots.Reading reading : screenshots.readings(report.id())) {
            inputs.add(reading.ocrSha256());
            List<Message> messages = new ArrayList<>();
            Map<Integer, Screenshots.Line> lines = new HashMap<>();
            for (int i = 0; i < reading.lines().size(); i++) {
                Screenshots.Line line = reading.lines().get(i);
                // the side is a guess from the layout: it names the bubble, never a person; blank lines are kept
                // (the scorer skips them) so that a message's index is its line's
                messages.add(Message.text(i, line.side(), line.text()));
                if (!line.text().isBlank()) {
                    lines.put(i, line);
                }
            }
            if (!lines.isEmpty()) {
                String id = "ocr:" + reading.ocrSha256();
                texts.add(new Text(
                        id,
                        "ocr",
                        reading.fileSha256(),
                        reading.ocrSha256(),
                        Conversation.of(messages),
                        roles,
                        Map.copyOf(lines)));
            }
        }
        return texts;
    }

    static final TriageModel MODEL = TriageModel.bundled();

    /** The scorer with the organisation's urgency rules (the instance defaults where it chose nothing). */
    RiskScorer scorerFor(java.util.UUID organisation) {
        var o = organisationSettings.of(organisation);
        var d = org.filet.grooming.UrgencySettings.defaults();
        return new RiskScorer(
                MODEL,
                new org.filet.grooming.UrgencySettings(
                        o.urgentMeeting() == null ? d.meetingWithTimeOrPlace() : o.urgentMeeting(),
                        d.meetingWindow(),
                        o.urgentAddress() == null ? d.addressAsked() : o.urgentAddress(),
                        o.urgentWhereNow() == null ? d.whereNowAsked() : o.urgentWhereNow(),
                        o.urgentThreat() == null ? d.threatOrSextortion() : o.urgentThreat(),
                        o.urgentSelfHarm() == null ? d.selfHarm() : o.urgentSelfHarm(),
                        o.urgentChildBelow() == null ? d.childAgeBelow() : o.urgentChildBelow()));
    }

    /** The sender name that is the child, when the reporter named the child and that name is a participant. */
    static String childSender(org.filet.conversation.Conversation c, String named) {
        if (named == null || named.isBlank()) {
            return null;
        }
        String wanted = named.strip().toLowerCase(Locale.ROOT);
        return c.participants().stream()
                .map(org.filet.conversation.Participant::displayName)
                .filter(n -> n.strip().toLowerCase(Locale.ROOT).equals(wanted))
                .findFirst()
                .orElse(null);
    }

    private static Roles withAge(Roles roles, Reports.ReportDetail report) {
        Integer age = report.childAge();
        return age != null && age >= 0 && age <= 17 ? roles.withChildAge(age) : roles;
    }

    record Scored(Text text, RiskScore score) {}

    /** {@code level} is the model's level (low, medium, high); urgency is apart, in {@code urgent} and {@code reasons}. */
    record Result(double risk, String level, boolean urgent, List<String> reasons, String explanation) {}

    static Result combine(Reports.ReportDetail report, List<Scored> scored) {
        double risk = 0;
        RiskLevel level = RiskLevel.LOW;
        Set<String> reasons = new LinkedHashSet<>();
        if (report.immediateDanger()) {
            reasons.add("immediate-danger-reported");
        }
        ArrayNode explanation = JSON.createArrayNode();
        for (Scored s : scored) {
            Text text = s.text();
            Map<Integer, String> said = new HashMap<>();
            text.conversation().messages().forEach(m -> said.put(m.index(), m.text()));
            for (UrgencyReason u : s.score().urgencies()) {
                reasons.add(ruleName(u.rule()));
            }
            RiskLevel modelLevel = modelLevel(s.score());
            risk = Math.max(risk, s.score().score());
            if (modelLevel.ordinal() > level.ordinal()) {
                level = modelLevel;
            }
            ObjectNode node = explanation.addObject();
            node.put("conversation", text.id());
            node.put("source", text.source());
            if (text.file() != null) {
                node.put("file", text.file());
            }
            if (text.derived() != null) {
                node.put(text.source().equals("ocr") ? "ocr" : "parse", text.derived());
            }
            node.put("risk", s.score().score());
            node.put("level", modelLevel.name().toLowerCase(Locale.ROOT));
            node.put("language", s.score().language().name().toLowerCase(Locale.ROOT));
            s.score().firstAlertIndex().ifPresent(i -> node.put("firstAlert", i));
            Set<Integer> cited = new java.util.TreeSet<>();
            ArrayNode signals = node.putArray("signals");
            for (SignalEvidence e : s.score().signals()) {
                ObjectNode sig = signals.addObject();
                sig.put("signal", e.signal().name().toLowerCase(Locale.ROOT));
                ArrayNode idx = sig.putArray("messages");
                e.messageIndexes().forEach(idx::add);
                cited.addAll(e.messageIndexes());
            }
            ArrayNode urg = node.putArray("urgencies");
            for (UrgencyReason u : s.score().urgencies()) {
                ObjectNode un = urg.addObject();
                un.put("rule", ruleName(u.rule()));
                ArrayNode idx = un.putArray("messages");
                u.messageIndexes().forEach(idx::add);
                cited.addAll(u.messageIndexes());
            }
            // the words behind each signal and rule, so that the page and the API can quote them (staff only)
            ArrayNode evidence = node.putArray("evidence");
            for (int i : cited) {
                if (!said.containsKey(i)) {
                    continue;
                }
                ObjectNode ev = evidence.addObject();
                ev.put("message", i);
                ev.put("text", said.get(i));
                Screenshots.Line line = text.lines().get(i);
                if (line != null) {
                    ev.put("left", line.left());
                    ev.put("top", line.top());
                    ev.put("width", line.width());
                    ev.put("height", line.height());
                    ev.put("confidence", line.confidence());
                }
            }
        }
        boolean urgent = !reasons.isEmpty();
        return new Result(
                risk,
                level.name().toLowerCase(Locale.ROOT),
                urgent,
                List.copyOf(reasons),
                JSON.writeValueAsString(explanation));
    }

    /** A rule's name as stored ({@code meeting-with-time-or-place}). */
    static String ruleName(UrgencyReason.Rule rule) {
        return rule.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The model's own level, urgency aside: an urgent conversation keeps the level its risk gives. */
    static RiskLevel modelLevel(RiskScore score) {
        if (score.level() != RiskLevel.URGENT) {
            return score.level();
        }
        TriageModel.LayerKind layer = TriageModel.layerFor(score.language());
        return score.score() >= MODEL.highThreshold(layer)
                ? RiskLevel.HIGH
                : score.score() >= MODEL.mediumThreshold(layer) ? RiskLevel.MEDIUM : RiskLevel.LOW;
    }
}
