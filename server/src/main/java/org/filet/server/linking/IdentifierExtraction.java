package org.filet.server.linking;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.filet.identifiers.CommonValues;
import org.filet.identifiers.Found;
import org.filet.identifiers.Identifier;
import org.filet.identifiers.IdentifierKind;
import org.filet.identifiers.Identifiers;
import org.filet.identifiers.Parsed;
import org.filet.identifiers.Platform;
import org.filet.server.conversations.Conversations;
import org.filet.server.intake.Reports;
import org.filet.server.support.JobHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finds and normalises a report's identifiers, and indexes the texts read from its files (export messages, OCR lines)
 * for search. Idempotent: a report's identifiers and texts are recomputed as a whole.
 */
@Component
class IdentifierExtraction implements JobHandler {

    static final String JOB = org.filet.server.conversations.ConversationsParsed.IDENTIFIERS_JOB;

    private final Reports reports;
    private final Conversations conversations;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final CommonValues common = CommonValues.standard();
    private final org.filet.server.conversations.Screenshots screenshots;
    private final NetworkIndex networks;
    private final Search search;

    IdentifierExtraction(
            Reports reports,
            Conversations conversations,
            JdbcClient jdbc,
            TransactionTemplate transactions,
            org.filet.server.conversations.Screenshots screenshots,
            NetworkIndex networks,
            Search search) {
        this.search = search;
        this.screenshots = screenshots;
        this.networks = networks;
        this.reports = reports;
        this.conversations = conversations;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Override
    public String kind() {
        return JOB;
    }

    private record Row(Identifier id, String source, String strength) {}

    @Override
    public void run(String subject) throws Exception {
        UUID reportId = UUID.fromString(subject);
        Reports.ReportDetail r =
                reports.detailById(reportId).orElseThrow(() -> new IllegalStateException("no report " + reportId));
        String region = r.childCountry() == null ? "FR" : r.childCountry();
        Map<String, Row> found = new LinkedHashMap<>();
        List<Search.Text> texts = new java.util.ArrayList<>();
        for (Reports.Account a : r.accounts()) {
            Platform platform =
                    a.platform() == null ? null : Platform.fromCode(a.platform().toLowerCase(Locale.ROOT));
            for (String text : new String[] {a.url(), a.handle()}) {
                if (text != null && !text.isBlank()) {
                    keep(found, Identifiers.normalise(IdentifierKind.ACCOUNT, platform, text, region), "form");
                }
            }
        }
        for (Reports.Contact c : r.contacts()) {
            keep(
                    found,
                    c.kind().equals("phone")
                            ? Identifiers.normalise(IdentifierKind.PHONE, null, c.value(), region)
                            : Identifiers.email(c.value()).map(e -> e.identifier()),
                    "form");
        }
        if (r.description() != null) {
            Identifiers.extract(r.description(), region).forEach(f -> keep(found, f, "message"));
        }
        for (Reports.Message m : r.messages()) {
            Identifiers.extract(m.text(), region).forEach(f -> keep(found, f, "message"));
        }
        for (Conversations.Parse parse : conversations.parses(reportId)) {
            int position = 0;
            for (var c : conversations.read(parse)) {
                Platform chat = Platform.fromCode(c.format().name().toLowerCase(Locale.ROOT));
                for (var m : c.messages()) {
                    if (m.text() != null) {
                        Identifiers.extract(m.text(), region, chat).forEach(f -> keep(found, f, "export"));
                        texts.add(new Search.Text("export", parse.fileSha256(), position++, m.text()));
                    }
                }
                for (var p : c.participants()) {
                    if (p.phone() != null) {
                        keep(found, Identifiers.normalise(IdentifierKind.PHONE, null, p.phone(), region), "export");
                    }
                }
            }
        }
        for (var read : screenshots.of(reportId)) {
            Identifiers.extract(read.text(), region).forEach(f -> keep(found, f, "ocr"));
            String[] lines = read.text().split("\n");
            for (int i = 0; i < lines.length; i++) {
                texts.add(new Search.Text("ocr", read.fileSha256(), i, lines[i]));
            }
        }
        // the child's own accounts are the victim's, never a suspect identifier: they are kept out of linking
        for (Reports.ChildAccount own : r.facts().childAccounts()) {
            Platform platform = own.platform() == null
                    ? null
                    : Platform.fromCode(own.platform().toLowerCase(Locale.ROOT));
            if (Identifiers.normalise(IdentifierKind.ACCOUNT, platform, own.handle(), region)
                    instanceof Parsed.Ok<Identifier> ok) {
                found.remove(ok.value().key());
                if (ok.value().platform().isPresent()) {
                    found.remove(
                            IdentifierKind.ACCOUNT.name() + "//" + ok.value().value());
                }
            }
        }
        List<String> linkable = found.values().stream()
                .filter(row -> !common.isCommon(row.id()))
                .map(row -> row.id().key())
                .toList();
        UUID organisation = reports.organisationOf(reportId).orElseThrow();
        transactions.executeWithoutResult(status -> {
            search.index(reportId, organisation, r.receipt(), r.receivedAt(), texts);
            jdbc.sql("delete from report_identifier where report_id = ?")
                    .param(reportId)
                    .update();
            for (Row row : found.values()) {
                jdbc.sql("""
                                insert into report_identifier (report_id, key, kind, platform, source, strength, common)
                                values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                        .params(
                                reportId,
                                row.id().key(),
                                row.id().kind().name(),
                                row.id()
                                        .platform()
                                        .map(p -> p.name().toLowerCase(Locale.ROOT))
                                        .orElse(null),
                                row.source(),
                                row.strength(),
                                common.isCommon(row.id()))
                        .update();
            }
            networks.record(reportId, linkable);
        });
    }

    private static void keep(Map<String, Row> found, Parsed<Identifier> parsed, String source) {
        if (parsed instanceof Parsed.Ok<Identifier> ok) {
            found.putIfAbsent(ok.value().key(), new Row(ok.value(), source, "strong"));
        }
    }

    private static void keep(Map<String, Row> found, Found f, String source) {
        found.putIfAbsent(
                f.identifier().key(),
                new Row(f.identifier(), source, f.strength().name().toLowerCase(Locale.ROOT)));
    }
}
