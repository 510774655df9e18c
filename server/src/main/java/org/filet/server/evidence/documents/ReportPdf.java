package org.filet.server.evidence.documents;

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
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.filet.server.evidence.Sha256;
import org.filet.server.evidence.documents.ExportSummary.Account;
import org.filet.server.evidence.documents.ExportSummary.Contact;
import org.filet.server.evidence.documents.ExportSummary.CustodyItem;
import org.filet.server.evidence.documents.ExportSummary.FileItem;
import org.filet.server.evidence.documents.ExportSummary.Message;

import static org.filet.server.evidence.documents.Labels.Key.*;

/** Lays out {@code report.pdf}: the report's facts, messages, suspect identifiers, files, custody and signed tree. */
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
        try (PDDocument document = new PDDocument()) {
            describe(document);
            flow = new PdfFlow(document);
            header();
            messages();
            suspect();
            files();
            custody();
            tree();
            flow.finish(l.get(SUBJECT) + l.colon() + orDash(s.subject()), l.get(PAGE),
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
        Instant exported = s.exportedAt() == null ? Instant.EPOCH : s.exportedAt();
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(l.get(TITLE) + " " + orDash(s.receipt()));
        info.setSubject(orDash(s.subject()));
        info.setCreator("Filet");
        info.setProducer("Filet");
        Calendar when = new GregorianCalendar(TimeZone.getTimeZone(ZoneOffset.UTC));
        when.setTimeInMillis(exported.toEpochMilli());
        info.setCreationDate(when);
        info.setModificationDate(when);
        document.getDocumentCatalog().setLanguage(l.language());
        byte[] seed = (orDash(s.subject()) + "\n" + exported).getBytes(StandardCharsets.UTF_8);
        byte[] id = Arrays.copyOf(Sha256.digest().digest(seed), 16);
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
        field(CHANNEL, s.channel());
        field(REPORTER, s.reporterRole());
        field(CHILD_AGE, s.childAge() == null ? null : s.childAge() + " " + l.get(YEARS));
        field(CHILD_COUNTRY, s.childCountry());
        field(PLATFORM, s.platform());
        field(IMMEDIATE_DANGER, l.get(s.immediateDanger() ? YES : NO));
        flow.heading(l.get(SECTION_DESCRIPTION));
        flow.paragraph(flow.regular, given(s.description()), PdfFlow.BODY, 0f);
    }

    private void messages() {
        flow.heading(l.get(SECTION_MESSAGES));
        if (s.messages().isEmpty()) {
            flow.paragraph(flow.regular, l.get(NO_MESSAGES), PdfFlow.BODY, 0f);
        }
        for (Message m : s.messages()) {
            flow.keep(2);
            String head = "#" + m.position() + DOT + given(m.at()) + DOT + l.from(m.from())
                    + (m.sender() == null ? "" : DOT + m.sender());
            flow.paragraph(flow.bold, head, PdfFlow.BODY, 0f);
            flow.paragraph(flow.regular, m.text() == null ? "" : m.text(), PdfFlow.BODY, 14f);
            flow.gap(3f);
        }
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
            String head = l.get(LEAF) + " " + c.leafIndex() + DOT + (c.time() == null ? "-" : utc(c.time()))
                    + DOT + given(c.action()) + DOT + given(c.actor());
            flow.paragraph(flow.regular, head, PdfFlow.BODY, 0f);
            if (!c.outputs().isEmpty()) {
                List<String> outputs = c.outputs().stream().map(ReportPdf::abbreviate).toList();
                flow.paragraph(flow.mono, l.get(OUTPUTS) + l.colon() + String.join(", ", outputs), PdfFlow.MONO,
                        14f);
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
        if (instant == null) {
            return null;
        }
        return utc(instant) + " (" + STAMP.format(instant.atZone(PARIS)) + " " + l.get(PARIS_TIME) + ")";
    }

    private static String utc(Instant instant) {
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

    private static String orDash(String value) {
        return value == null ? "-" : value;
    }
}
