package org.filet.server.conversations;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.filet.chatexport.ChatImport;
import org.filet.chatexport.ConversationJson;
import org.filet.chatexport.ImportOptions;
import org.filet.chatexport.ImportResult;
import org.filet.chatexport.UnreadableExport;
import org.filet.conversation.Conversation;
import org.filet.server.evidence.CustodyEvent;
import org.filet.server.evidence.CustodyLedger;
import org.filet.server.evidence.EvidenceCatalogue;
import org.filet.server.evidence.EvidenceStore;
import org.filet.server.evidence.StoredObject;
import org.filet.server.intake.ReportReceived;
import org.filet.server.intake.Reports;
import org.filet.server.support.Components;
import org.filet.server.support.JobHandler;
import org.filet.server.support.Jobs;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Parses the chat exports of a report. Every file whose type can hold an export is tried; one that is not an export
 * (a plain note, a document) is recorded as refused with the parser's reason and nothing else happens. A file is
 * parsed once per parser version: the job is idempotent. The {@link ConversationLimits} bound the work: archive entries
 * and conversations over them are counted and recorded with the parse (and said in its findings), not kept.
 */
@Component
class ConversationParsing implements JobHandler {

    static final String PARSER = Components.actor("chatexport");
    static final Set<String> CANDIDATE_TYPES = Set.of(
            "text/plain",
            "text/csv",
            "text/html",
            "application/json",
            "application/xml",
            "text/xml",
            "application/zip");

    private final Reports reports;
    private final EvidenceStore store;
    private final EvidenceCatalogue catalogue;
    private final CustodyLedger custody;
    private final JdbcClient jdbc;
    private final Jobs jobs;
    private final TransactionTemplate transactions;
    private final Decisions decisions;
    private final Screenshots screenshots;
    private final ConversationLimits limits;
    private final Conversations conversations;

    ConversationParsing(
            Reports reports,
            EvidenceStore store,
            EvidenceCatalogue catalogue,
            CustodyLedger custody,
            JdbcClient jdbc,
            Jobs jobs,
            TransactionTemplate transactions,
            Decisions decisions,
            Screenshots screenshots,
            ConversationLimits limits,
            Conversations conversations) {
        this.limits = limits;
        this.conversations = conversations;
        this.decisions = decisions;
        this.screenshots = screenshots;
        this.reports = reports;
        this.store = store;
        this.catalogue = catalogue;
        this.custody = custody;
        this.jdbc = jdbc;
        this.jobs = jobs;
        this.transactions = transactions;
    }

    @Override
    public String kind() {
        return ReportReceived.JOB;
    }

    @Override
    public void run(String subject) throws Exception {
        UUID reportId = UUID.fromString(subject);
        String receipt =
                reports.receiptOf(reportId).orElseThrow(() -> new IllegalStateException("no report " + reportId));
        for (Reports.FileEntry file : reports.files(reportId)) {
            if (file.mediaType().startsWith("image/")) {
                screenshots.read(reportId, receipt, file);
                continue;
            }
            Decisions.Reading reading = decisions.latest(reportId, file.sha256());
            String parser = PARSER + reading.suffix();
            if (!CANDIDATE_TYPES.contains(file.mediaType()) || alreadyParsed(reportId, file.sha256(), parser)) {
                continue;
            }
            byte[] bytes;
            try (InputStream in = store.open(file.sha256())) {
                bytes = in.readAllBytes();
            }
            int keptElsewhere = conversations.all(reportId).stream()
                    .filter(p -> !p.fileSha256().equals(file.sha256()))
                    .mapToInt(Conversations.Parse::conversations)
                    .sum();
            Parse parse = bounded(
                    parse(file, bytes, reading.options().withLimits(limits.importLimits())),
                    Math.max(0, limits.maxConversations() - keptElsewhere));
            bytes = null;
            transactions.executeWithoutResult(status -> record(reportId, receipt, file, parse, parser));
        }
        jobs.enqueue(ConversationsParsed.JOB, subject);
        jobs.enqueue(ConversationsParsed.IDENTIFIERS_JOB, subject);
    }

    private boolean alreadyParsed(UUID reportId, String sha, String parser) {
        return jdbc.sql(
                                "select count(*) from conversation_parse where report_id = ? and file_sha256 = ? and parser = ?")
                        .params(reportId, sha, parser)
                        .query(Long.class)
                        .single()
                > 0;
    }

    private record Parse(List<Conversation> conversations, List<String> refusals, int unreadEntries, int overLimit) {}

    /** Keeps at most {@code room} conversations; the others are counted, and a finding says so. */
    private Parse bounded(Parse parse, int room) {
        if (parse.conversations().size() <= room) {
            return parse;
        }
        int over = parse.conversations().size() - room;
        List<String> refusals = new ArrayList<>(parse.refusals());
        refusals.add(
                0,
                parse.conversations().size() + " conversations read, only the first " + room + " kept (limit of "
                        + limits.maxConversations()
                        + " conversations per report, filet.conversations.max-conversations): the other "
                        + over + " were counted and not kept; the original file is intact");
        return new Parse(List.copyOf(parse.conversations().subList(0, room)), refusals, parse.unreadEntries(), over);
    }

    private static Parse parse(Reports.FileEntry file, byte[] bytes, ImportOptions options) {
        String name = file.originalName() == null ? file.sha256() : file.originalName();
        try {
            ImportResult result = ChatImport.read(name, name, bytes, options);
            return new Parse(
                    result.conversations(),
                    result.refused().stream().map(UnreadableExport::getMessage).toList(),
                    result.unreadEntries(),
                    0);
        } catch (UnreadableExport e) {
            return new Parse(List.of(), List.of(e.getMessage()), 0, 0);
        }
    }

    private void record(UUID reportId, String receipt, Reports.FileEntry file, Parse parse, String parser) {
        String outcome =
                parse.conversations().isEmpty() ? "refused" : parse.refusals().isEmpty() ? "parsed" : "partial";
        String parseSha = null;
        int messages = 0;
        Set<String> formats = new LinkedHashSet<>();
        List<String> missing = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        if (!parse.conversations().isEmpty()) {
            StringBuilder jsonl = new StringBuilder();
            for (Conversation c : parse.conversations()) {
                jsonl.append(ConversationJson.toJson(c)).append('\n');
                messages += c.messages().size();
                formats.add(c.format().name().toLowerCase(java.util.Locale.ROOT) + "/" + c.variant());
                missing.addAll(c.missing());
                warnings.addAll(c.warnings());
            }
            byte[] bytes = jsonl.toString().getBytes(StandardCharsets.UTF_8);
            try {
                StoredObject stored = store.put(new ByteArrayInputStream(bytes), Long.MAX_VALUE);
                parseSha = stored.sha256();
                catalogue.record(new EvidenceCatalogue.Entry(parseSha, stored.size(), "application/x-ndjson"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            custody.append(new CustodyEvent(
                    "parsed",
                    PARSER,
                    Reports.subject(receipt),
                    List.of(file.sha256()),
                    List.of(parseSha),
                    parser.equals(PARSER)
                            ? null
                            : "read as decided by an analyst:" + parser.substring(PARSER.length())));
        }
        jdbc.sql("""
                        insert into conversation_parse (report_id, file_sha256, parser, outcome, parse_sha256, conversations,
                            messages, formats, missing, warnings, refusals, entries_unread, conversations_over_limit)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(
                        reportId,
                        file.sha256(),
                        parser,
                        outcome,
                        parseSha,
                        parse.conversations().size(),
                        messages,
                        formats.toArray(String[]::new),
                        missing.stream().distinct().toArray(String[]::new),
                        warnings.stream().distinct().limit(50).toArray(String[]::new),
                        parse.refusals().stream().limit(50).toArray(String[]::new),
                        parse.unreadEntries(),
                        parse.overLimit())
                .update();
    }
}
