package org.filet.server.evidence.documents;

import static org.filet.server.evidence.documents.Labels.Key.*;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.filet.server.evidence.documents.ExportSummary.Account;
import org.filet.server.evidence.documents.ExportSummary.Contact;
import org.filet.server.evidence.documents.ExportSummary.CustodyItem;
import org.filet.server.evidence.documents.ExportSummary.FileItem;
import org.filet.server.evidence.documents.ExportSummary.Link;
import org.filet.server.evidence.documents.ExportSummary.Message;
import org.filet.server.evidence.documents.ExportSummary.Note;
import org.filet.server.evidence.documents.ExportSummary.Signal;
import org.filet.server.evidence.documents.ExportSummary.Timeline;
import org.filet.server.evidence.documents.ExportSummary.TimelineMessage;
import org.filet.server.evidence.documents.ExportSummary.Triage;
import org.filet.verify.Sha256;

/**
 * Lays out {@code report.pdf}: the report's facts (the reporter's answer on immediate danger and the triage's urgency
 * side by side), the triage result, the message timeline from every source (form, parsed exports, OCR readings marked
 * as machine readings), the notes chosen for the authority, why the reports of the package are linked, the suspect's
 * identifiers, files, custody (staff by name and role) and the signed tree.
 */
final class ReportPdf {

    static final String VERIFY_COMMAND = "java -jar filet-verify.jar package.zip";
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final String DOT = "  \u00b7  ";

    private final ExportSummary s;
    private final Labels l;
    private PdfFlow flow;

    private ReportPdf(ExportSummary summary) {
        this.s = summary;
        this.l = Labels.of(summary.language());
    }

    static byte[] render(ExportSummary summary) {
        return new ReportPdf(summary).render();
    }

    private byte[] render() {
        try (PDDocument document = new PDDocument(IOUtils.createTempFileOnlyStreamCache())) {
            describe(document);
            flow = new PdfFlow(document);
            header();
            triage();
            messages();
            notes();
            links();
            suspect();
            files();
            custody();
            tree();
            flow.finish(
                    l.get(SUBJECT) + l.colon() + orDash(s.subject()),
                    l.get(PAGE),
                    l.get(VERIFY_WITH) + " " + VERIFY_COMMAND);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            document.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("report.pdf could not be written", e);
        }
    }

    /** Info dictionary and trailer /ID come from the summary only, so the same summary gives the same bytes. */
    private void describe(PDDocument document) {
        describe(document, l, l.get(TITLE) + " " + orDash(s.receipt()), s.subject(), s.exportedAt());
    }

    /** Title, subject, dates, language and trailer /ID from the given values only: same values, same bytes. */
    static void describe(PDDocument document, Labels l, String title, String subject, Instant exportedAt) {
        Instant exported = exportedAt == null ? Instant.EPOCH : exportedAt;
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(title);
        info.setSubject(orDash(subject));
        info.setCreator("Filet");
        info.setProducer("Filet");
        Calendar when = new GregorianCalendar(TimeZone.getTimeZone(ZoneOffset.UTC));
        when.setTimeInMillis(exported.toEpochMilli());
        info.setCreationDate(when);
        info.setModificationDate(when);
        document.getDocumentCatalog().setLanguage(l.language());
        byte[] seed = (orDash(subject) + "\n" + exported).getBytes(StandardCharsets.UTF_8);
        byte[] id = Arrays.copyOf(Sha256.newDigest().digest(seed), 16);
        COSArray ids = new COSArray();
        ids.add(new COSString(id));
        ids.add(new COSString(id));
        document.getDocument().getTrailer().setItem(COSName.ID, ids);
        document.setDocumentId(exported.toEpochMilli());
    }

    private void header() {
        flow.title(l.get(TITLE));
        field(ORGANISATION, s.organisation());
        field(INSTANCE, s.instance());
        field(RECEIPT, s.receipt());
        field(SUBJECT, s.subject());
        field(RECEIVED_AT, time(s.receivedAt()));
        field(EXPORTED_AT, time(s.exportedAt()));
        field(CHANNEL, l.channel(s.channel()));
        field(REPORTER, l.reporterRole(s.reporterRole()));
        field(CHILD_AGE, s.childAge() == null ? null : s.childAge() + " " + l.get(YEARS));
        field(CHILD_COUNTRY, s.childCountry());
        field(PLATFORM, s.platform());
        s.additions().facts().ifPresent(f -> {
            java.util.Locale locale = java.util.Locale.forLanguageTag(l.language());
            field(
                    FACTS_DATE,
                    f.date() == null
                            ? null
                            : f.aboutMonth()
                                    ? l.get(FACTS_ABOUT) + " "
                                            + java.time.format.DateTimeFormatter.ofPattern("LLLL yyyy", locale)
                                                    .format(f.date())
                                    : java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", locale)
                                            .format(f.date()));
            field(
                    SUSPECT_CLAIMED_AGE,
                    f.suspectClaimedAge() == null ? null : f.suspectClaimedAge() + " " + l.get(YEARS));
            field(CHILD_ACCOUNTS, f.childAccounts().isEmpty() ? null : String.join(", ", f.childAccounts()));
        });
        field(IMMEDIATE_DANGER, l.get(s.immediateDanger() ? YES : NO));
        field(
                TRIAGE_URGENCY,
                s.additions()
                        .triage()
                        .map(t -> t.urgent()
                                ? l.get(URGENT) + " ("
                                        + String.join(
                                                ", ",
                                                t.urgencyReasons().stream()
                                                        .map(l::urgencyReason)
                                                        .toList())
                                        + ")"
                                : l.get(NOT_URGENT))
                        .orElse(l.get(NOT_TRIAGED)));
        flow.heading(l.get(SECTION_DESCRIPTION));
        flow.paragraph(flow.regular, given(s.description()), PdfFlow.BODY, 0f);
    }

    private void triage() {
        flow.heading(l.get(SECTION_TRIAGE));
        Triage t = s.additions().triage().orElse(null);
        if (t == null) {
            flow.paragraph(flow.regular, l.get(NOT_TRIAGED), PdfFlow.BODY, 0f);
            flow.paragraph(flow.bold, l.get(TRIAGE_NOTICE), PdfFlow.BODY, 0f);
            return;
        }
        field(LEVEL, t.urgent() ? l.get(URGENT) : l.level(t.level()));
        field(RISK, String.format(java.util.Locale.ROOT, "%.2f", t.risk()));
        field(
                URGENCY_REASONS,
                t.urgencyReasons().isEmpty()
                        ? l.get(NONE)
                        : String.join(
                                ", ",
                                t.urgencyReasons().stream()
                                        .map(l::urgencyReason)
                                        .toList()));
        field(SCORED_BY, given(t.scorer()) + DOT + time(t.scoredAt()));
        flow.paragraph(flow.bold, l.get(TRIAGE_NOTICE), PdfFlow.BODY, 0f);
        if (!t.signals().isEmpty()) {
            flow.gap(3f);
            flow.paragraph(flow.bold, l.get(SIGNALS), PdfFlow.BODY, 0f);
            for (Signal signal : t.signals()) {
                String name = signal.urgent()
                        ? l.get(URGENCY_RULE) + " " + l.urgencyReason(signal.name())
                        : l.signal(signal.name());
                String where = l.get(IN) + " " + source(signal.conversationId()) + l.colon() + l.get(MESSAGES_WORD)
                        + " "
                        + String.join(
                                ", ",
                                signal.messages().stream().map(i -> "#" + i).toList());
                flow.paragraph(flow.regular, "\u2022 " + name + DOT + where, PdfFlow.BODY, 8f);
            }
        }
        for (ExportSummary.Override o : t.overrides()) {
            flow.paragraph(
                    flow.regular,
                    l.get(OVERRIDE) + " " + o.priority() + " " + l.get(BY) + " " + who(o.by()) + DOT + time(o.at())
                            + l.colon() + given(o.reason()),
                    PdfFlow.BODY,
                    0f);
        }
    }

    /** What a scored conversation is, for people: the form, the description, or the export's title. */
    private String source(String conversationId) {
        if ("messages".equals(conversationId)) {
            return l.get(SOURCE_FORM);
        }
        if ("description".equals(conversationId)) {
            return l.get(SECTION_DESCRIPTION);
        }
        for (Timeline t : s.additions().timelines()) {
            if (conversationId != null && conversationId.equals(t.conversationId())) {
                return l.get(SOURCE_EXPORT) + " " + t.title();
            }
        }
        return given(conversationId);
    }

    /** Signals by message index, for one scored conversation. */
    private java.util.Map<Integer, List<String>> signalsOf(String conversationId) {
        java.util.Map<Integer, List<String>> out = new java.util.HashMap<>();
        s.additions()
                .triage()
                .ifPresent(t -> t.signals().stream()
                        .filter(sig -> sig.conversationId().equals(conversationId))
                        .forEach(sig -> sig.messages()
                                .forEach(i -> out.computeIfAbsent(i, k -> new ArrayList<>())
                                        .add(
                                                sig.urgent()
                                                        ? l.get(URGENT) + ": " + l.urgencyReason(sig.name())
                                                        : l.signal(sig.name())))));
        return out;
    }

    private void messages() {
        flow.heading(l.get(SECTION_MESSAGES));
        List<Timeline> timelines = s.additions().timelines();
        if (s.messages().isEmpty()
                && timelines.stream().allMatch(t -> t.messages().isEmpty())) {
            flow.paragraph(flow.regular, l.get(NO_MESSAGES), PdfFlow.BODY, 0f);
        }
        if (!s.messages().isEmpty()) {
            flow.keep(3);
            flow.paragraph(flow.bold, l.get(SOURCE_FORM), 11f, 0f);
            java.util.Map<Integer, List<String>> signals = signalsOf("messages");
            for (Message m : s.messages()) {
                message(
                        "#" + m.position() + DOT + given(m.at()) + DOT + l.from(m.from())
                                + (m.sender() == null ? "" : DOT + m.sender()),
                        m.text(),
                        signals.get(m.position()));
            }
        }
        for (Timeline t : timelines) {
            flow.gap(4f);
            flow.keep(4);
            flow.paragraph(
                    flow.bold,
                    (t.machineReading() ? l.get(SOURCE_OCR) : l.get(SOURCE_EXPORT)) + l.colon() + given(t.title()),
                    11f,
                    0f);
            flow.paragraph(flow.mono, l.get(READ_FROM) + " " + t.sourceSha256(), PdfFlow.MONO, 0f);
            flow.paragraph(flow.mono, l.get(READING_IN) + " derived/" + t.derivedSha256(), PdfFlow.MONO, 0f);
            if (t.machineReading()) {
                flow.paragraph(flow.bold, l.get(MACHINE_READING), PdfFlow.BODY, 0f);
            }
            java.util.Map<Integer, List<String>> signals =
                    t.conversationId() == null ? java.util.Map.of() : signalsOf(t.conversationId());
            for (TimelineMessage m : t.messages()) {
                String head = "#" + m.index() + (m.at() == null ? "" : DOT + m.at())
                        + (m.sender() == null ? "" : DOT + (t.machineReading() ? side(m.sender()) : m.sender()));
                message(head, m.text(), signals.get(m.index()));
            }
            if (t.omitted() > 0) {
                flow.paragraph(
                        flow.bold,
                        t.omitted() + " " + l.get(OMITTED) + " derived/" + t.derivedSha256(),
                        PdfFlow.BODY,
                        0f);
            }
        }
    }

    private void message(String head, String text, List<String> signals) {
        flow.keep(2);
        flow.paragraph(
                flow.bold,
                head + (signals == null ? "" : DOT + l.get(SIGNALS_HERE) + l.colon() + String.join(", ", signals)),
                PdfFlow.BODY,
                0f);
        flow.paragraph(flow.regular, text == null ? "" : text, PdfFlow.BODY, 14f);
        flow.gap(3f);
    }

    private String side(String side) {
        return switch (side) {
            case "left" -> l.get(SIDE_LEFT);
            case "right" -> l.get(SIDE_RIGHT);
            default -> l.get(FROM_UNKNOWN);
        };
    }

    private void notes() {
        flow.heading(l.get(SECTION_NOTES));
        if (s.additions().notes().isEmpty()) {
            flow.paragraph(flow.regular, l.get(NO_NOTES), PdfFlow.BODY, 0f);
        }
        for (Note n : s.additions().notes()) {
            flow.keep(2);
            flow.paragraph(
                    flow.bold,
                    l.get(CASE) + " " + given(n.caseNumber()) + DOT + time(n.at()) + DOT + who(n.author()),
                    PdfFlow.BODY,
                    0f);
            flow.paragraph(flow.regular, n.body(), PdfFlow.BODY, 14f);
            flow.gap(3f);
        }
    }

    private void links() {
        if (s.additions().links().isEmpty()) {
            return;
        }
        flow.heading(l.get(SECTION_LINKS));
        for (Link link : s.additions().links()) {
            String why = "picture".equals(link.reason()) ? l.get(LINK_PICTURE) : l.get(LINK_IDENTIFIER);
            flow.paragraph(
                    flow.regular,
                    l.get(WITH) + " " + given(link.otherReceipt()) + DOT + why + " (" + given(link.kind()) + ")"
                            + l.colon() + given(link.detail()),
                    PdfFlow.BODY,
                    0f);
        }
    }

    /** A staff member by name and role; a component or an unknown actor as recorded. */
    private String who(String actor) {
        return s.additions()
                .person(actor)
                .map(p -> p.name() + " (" + l.staffRole(p.role()) + ")")
                .orElse(given(actor));
    }

    private void suspect() {
        flow.heading(l.get(SECTION_SUSPECT));
        if (s.accounts().isEmpty() && s.contacts().isEmpty()) {
            flow.paragraph(flow.regular, l.get(NO_ACCOUNTS), PdfFlow.BODY, 0f);
        }
        for (Account a : s.accounts()) {
            List<String> parts = new ArrayList<>();
            parts.add(given(a.platform()));
            parts.add(given(a.handle()));
            if (a.displayName() != null) {
                parts.add(a.displayName());
            }
            if (a.url() != null) {
                parts.add(a.url());
            }
            flow.paragraph(flow.regular, String.join(DOT, parts), PdfFlow.BODY, 0f);
        }
        for (Contact c : s.contacts()) {
            flow.field(l.contactKind(c.kind()), l.colon(), given(c.value()));
        }
    }

    private void files() {
        flow.heading(l.get(SECTION_FILES));
        if (s.files().isEmpty()) {
            flow.paragraph(flow.regular, l.get(NO_FILES), PdfFlow.BODY, 0f);
        }
        for (FileItem f : s.files()) {
            flow.keep(f.derivedFrom() == null ? 3 : 4);
            List<String> parts = new ArrayList<>();
            parts.add(given(f.path()));
            parts.add(f.size() + " " + l.get(BYTES));
            if (f.mediaType() != null) {
                parts.add(f.mediaType());
            }
            parts.add(l.fileRole(f.role()));
            if (f.originalName() != null) {
                parts.add(l.get(ORIGINAL_NAME) + l.colon() + f.originalName());
            }
            if (f.receivedAt() != null) {
                parts.add(l.get(RECEIVED_AT) + " " + utc(f.receivedAt()));
            }
            flow.paragraph(flow.regular, String.join(DOT, parts), PdfFlow.BODY, 0f);
            flow.paragraph(flow.mono, given(f.sha256()), PdfFlow.MONO, 14f);
            if (f.derivedFrom() != null) {
                flow.paragraph(flow.mono, l.get(DERIVED_FROM) + " " + f.derivedFrom(), PdfFlow.MONO, 14f);
            }
            flow.gap(3f);
        }
    }

    private void custody() {
        flow.heading(l.get(SECTION_CUSTODY));
        if (s.custody().isEmpty()) {
            flow.paragraph(flow.regular, l.get(NO_CUSTODY), PdfFlow.BODY, 0f);
        }
        for (CustodyItem c : s.custody()) {
            flow.keep(2);
            String head = l.get(LEAF) + " " + c.leafIndex() + DOT + (c.time() == null ? "-" : utc(c.time())) + DOT
                    + given(l.custodyAction(c.action())) + DOT + who(c.actor());
            flow.paragraph(flow.regular, head, PdfFlow.BODY, 0f);
            if (!c.outputs().isEmpty()) {
                List<String> outputs =
                        c.outputs().stream().map(ReportPdf::abbreviate).toList();
                flow.paragraph(flow.mono, l.get(OUTPUTS) + l.colon() + String.join(", ", outputs), PdfFlow.MONO, 14f);
            }
            if (c.reason() != null) {
                flow.paragraph(flow.regular, l.get(REASON) + l.colon() + c.reason(), PdfFlow.BODY, 14f);
            }
            flow.gap(3f);
        }
    }

    private void tree() {
        flow.heading(l.get(SECTION_TREE));
        field(TREE_SIZE, Long.toString(s.treeSize()));
        flow.paragraph(flow.bold, l.get(TREE_ROOT), PdfFlow.BODY, 0f);
        flow.paragraph(flow.mono, given(s.rootHash()), PdfFlow.MONO, 14f);
    }

    private void field(Labels.Key key, String value) {
        flow.field(l.get(key), l.colon(), given(value));
    }

    /** UTC then Paris local time, e.g. {@code 2026-03-12 20:14:03 UTC (2026-03-12 21:14:03 heure de Paris)}. */
    private String time(Instant instant) {
        return time(l, instant);
    }

    static String time(Labels l, Instant instant) {
        if (instant == null) {
            return null;
        }
        return utc(instant) + " (" + STAMP.format(instant.atZone(PARIS)) + " " + l.get(PARIS_TIME) + ")";
    }

    static String utc(Instant instant) {
        return STAMP.format(instant.atZone(ZoneOffset.UTC)) + " UTC";
    }

    static String abbreviate(String hash) {
        if (hash == null) {
            return "-";
        }
        return hash.length() > 16 ? hash.substring(0, 12) + "\u2026" : hash;
    }

    private String given(String value) {
        return value == null || value.isBlank() ? l.get(NOT_GIVEN) : value;
    }

    static String orDash(String value) {
        return value == null ? "-" : value;
    }
}
