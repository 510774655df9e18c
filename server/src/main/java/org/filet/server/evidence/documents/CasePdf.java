package org.filet.server.evidence.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.filet.server.evidence.documents.CaseSummary.Approval;
import org.filet.server.evidence.documents.CaseSummary.ReportInCase;
import org.filet.server.evidence.documents.ExportSummary.Account;
import org.filet.server.evidence.documents.ExportSummary.FileItem;
import org.filet.server.evidence.documents.ExportSummary.Link;
import org.filet.server.evidence.documents.ExportSummary.Note;
import org.filet.server.evidence.documents.ExportSummary.Timeline;
import org.filet.server.evidence.documents.ExportSummary.Triage;

import static org.filet.server.evidence.documents.Labels.Key.*;

/**
 * Lays out {@code case.pdf}: the case (number, title, status), who opened it, each four-eyes approval with its approver
 * and whether it was referred, the referral (authority, who sent it, the directory's proposal and the reason for another
 * choice), then a summary of each report (the reporter's answer on immediate danger beside the triage's urgency, the
 * child's age and country, platforms, triage level and urgency reasons with the sentence that a score accuses no one,
 * how many messages from which source, and where its own PDF, graph and transcripts are in the package), why the
 * reports are linked, and the notes on this case the organisation chose to send.
 */
final class CasePdf {

    private static final String DOT = "  \u00b7  ";

    private final CaseSummary s;
    private final CaseSummary.Facts f;
    private final Labels l;
    private PdfFlow flow;

    private CasePdf(CaseSummary summary) {
        this.s = summary;
        this.f = summary.facts();
        this.l = Labels.of(summary.language());
    }

    static byte[] render(CaseSummary summary) {
        return new CasePdf(summary).render();
    }

    private byte[] render() {
        try (PDDocument document = new PDDocument(IOUtils.createTempFileOnlyStreamCache())) {
            ReportPdf.describe(document, l, l.get(CASE_TITLE) + " " + ReportPdf.orDash(s.number()), s.subject(),
                    s.exportedAt());
            flow = new PdfFlow(document);
            header();
            approval();
            reports();
            links();
            notes();
            flow.finish(l.get(SUBJECT) + l.colon() + ReportPdf.orDash(s.subject()), l.get(PAGE),
                    l.get(VERIFY_WITH) + " " + ReportPdf.VERIFY_COMMAND);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            document.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("case.pdf could not be written", e);
        }
    }

    private void header() {
        flow.title(l.get(CASE_TITLE));
        field(CASE, s.number());
        field(CASE_NAME, f.title());
        field(STATUS, f.status() == null ? null : l.status(f.status()));
        field(ORGANISATION, s.organisation());
        field(INSTANCE, s.instance());
        field(SUBJECT, s.subject());
        field(EXPORTED_AT, ReportPdf.time(l, s.exportedAt()));
        field(SECTION_CASE_REPORTS, Integer.toString(s.reports().size()));
    }

    private void approval() {
        flow.heading(l.get(SECTION_APPROVAL));
        field(OPENED_BY, f.openedBy() == null ? null : who(f.openedBy()));
        if (f.approvals().isEmpty()) {
            flow.paragraph(flow.regular, l.get(NO_APPROVAL), PdfFlow.BODY, 0f);
        }
        for (Approval a : f.approvals()) {
            flow.keep(2);
            flow.paragraph(flow.regular, l.get(VERSION) + " " + a.version() + " " + l.get(APPROVED_BY) + " "
                    + who(a.approvedBy()) + " " + l.get(ON) + " " + ReportPdf.time(l, a.approvedAt()) + DOT
                    + a.reports() + " " + l.get(REPORTS_COUNT) + DOT + (a.referredAt() == null ? l.get(NOT_REFERRED)
                    : l.get(REFERRED_ON) + " " + ReportPdf.time(l, a.referredAt())), PdfFlow.BODY, 0f);
            if (a.digest() != null) {
                flow.paragraph(flow.mono, l.get(CONTENT_SHA) + l.colon() + a.digest(), PdfFlow.MONO, 14f);
            }
        }
        flow.paragraph(flow.bold, l.get(FOUR_EYES), PdfFlow.BODY, 0f);
        flow.gap(4f);
        CaseSummary.Referral r = f.referral().orElse(null);
        if (r == null) {
            flow.paragraph(flow.regular, l.get(NOT_REFERRED_YET), PdfFlow.BODY, 0f);
            return;
        }
        field(AUTHORITY, given(r.authorityName()) + " (" + given(r.authorityCode()) + ")");
        field(REFERRED_BY, (r.sentBy() == null ? given(null) : who(r.sentBy())) + " " + l.get(ON) + " "
                + given(ReportPdf.time(l, r.sentAt())));
        field(REFERRAL_STATUS, l.status(r.status()));
        if (r.acceptedAt() != null) {
            field(ACCEPTED_AT, ReportPdf.time(l, r.acceptedAt()));
        }
        if (r.overrideReason() != null) {
            field(PROPOSED, given(r.proposed()));
            field(OVERRIDE_REASON, r.overrideReason());
        }
    }

    private void reports() {
        flow.heading(l.get(SECTION_CASE_REPORTS));
        for (ReportInCase report : s.reports()) {
            ExportSummary r = report.summary();
            flow.gap(8f);
            flow.keep(12);
            flow.paragraph(flow.bold, l.get(SECTION_REPORT) + " " + given(r.receipt()), 11f, 0f);
            field(RECEIVED_AT, ReportPdf.time(l, r.receivedAt()));
            field(IMMEDIATE_DANGER, l.get(r.immediateDanger() ? YES : NO));
            Triage t = r.additions().triage().orElse(null);
            field(TRIAGE_URGENCY, t == null ? l.get(NOT_TRIAGED) : t.urgent()
                    ? l.get(URGENT) + " (" + String.join(", ", t.urgencyReasons()) + ")" : l.get(NOT_URGENT));
            field(CHILD_AGE, r.childAge() == null ? null : r.childAge() + " " + l.get(YEARS));
            field(CHILD_COUNTRY, r.childCountry());
            field(PLATFORMS, platforms(r));
            if (t != null) {
                field(LEVEL, t.urgent() ? l.get(URGENT) : l.level(t.level()));
                field(URGENCY_REASONS, t.urgencyReasons().isEmpty() ? l.get(NONE) : String.join(", ", t.urgencyReasons()));
            }
            flow.paragraph(flow.bold, l.get(TRIAGE_NOTICE), PdfFlow.BODY, 0f);
            field(MESSAGES_LABEL, messages(r));
            flow.paragraph(flow.bold, l.get(DOCUMENTS) + l.colon(), PdfFlow.BODY, 0f);
            flow.paragraph(flow.regular, "\u2022 " + report.pdf() + DOT + l.get(OWN_PDF), PdfFlow.BODY, 8f);
            flow.paragraph(flow.regular, "\u2022 " + report.jsonld() + DOT + l.get(OWN_GRAPH), PdfFlow.BODY, 8f);
            List<String> derived = r.files().stream().filter(x -> "derived".equals(x.role())).map(FileItem::path)
                    .toList();
            if (!derived.isEmpty()) {
                flow.paragraph(flow.regular, "\u2022 " + l.get(DERIVED_FILES) + l.colon(), PdfFlow.BODY, 8f);
                for (String path : derived) {
                    flow.paragraph(flow.mono, path, PdfFlow.MONO, 20f);
                }
            }
        }
    }

    /** The platform the reporter named, then those of the suspect's accounts, each once. */
    private static String platforms(ExportSummary r) {
        Set<String> out = new LinkedHashSet<>();
        if (r.platform() != null && !r.platform().isBlank()) {
            out.add(r.platform().strip());
        }
        for (Account a : r.accounts()) {
            if (a.platform() != null && !a.platform().isBlank()
                    && out.stream().noneMatch(p -> p.equalsIgnoreCase(a.platform().strip()))) {
                out.add(a.platform().strip());
            }
        }
        return out.isEmpty() ? null : String.join(", ", out);
    }

    /** How many messages, from which sources: the form, chat exports, OCR readings (omitted ones counted). */
    private String messages(ExportSummary r) {
        int exports = 0;
        int ocr = 0;
        for (Timeline t : r.additions().timelines()) {
            int n = t.messages().size() + t.omitted();
            if (t.machineReading()) {
                ocr += n;
            } else {
                exports += n;
            }
        }
        List<String> parts = new ArrayList<>();
        parts.add(r.messages().size() + " " + l.get(IN_FORM));
        if (exports > 0) {
            parts.add(exports + " " + l.get(IN_EXPORTS));
        }
        if (ocr > 0) {
            parts.add(ocr + " " + l.get(BY_OCR));
        }
        return String.join(", ", parts);
    }

    /** Each link once, whichever report it was recorded from (A with B is B with A). */
    private void links() {
        flow.heading(l.get(SECTION_LINKS));
        Set<String> seen = new LinkedHashSet<>();
        for (ReportInCase report : s.reports()) {
            String receipt = report.summary().receipt();
            for (Link link : report.summary().additions().links()) {
                String a = given(receipt);
                String b = given(link.otherReceipt());
                String pair = a.compareTo(b) <= 0 ? a + "\n" + b : b + "\n" + a;
                if (!seen.add(pair + "\n" + link.reason() + "\n" + link.kind() + "\n" + link.detail())) {
                    continue;
                }
                String why = "picture".equals(link.reason()) ? l.get(LINK_PICTURE) : l.get(LINK_IDENTIFIER);
                flow.paragraph(flow.regular, a + " " + l.get(WITH) + " " + b + DOT + why + " (" + given(link.kind())
                        + ")" + l.colon() + given(link.detail()), PdfFlow.BODY, 0f);
            }
        }
        if (seen.isEmpty()) {
            flow.paragraph(flow.regular, l.get(NO_LINKS), PdfFlow.BODY, 0f);
        }
    }

    /** The notes on this case chosen for the authority, each once (every report of the case carries them). */
    private void notes() {
        flow.heading(l.get(SECTION_NOTES));
        Set<Note> seen = new LinkedHashSet<>();
        for (ReportInCase report : s.reports()) {
            for (Note n : report.summary().additions().notes()) {
                if (s.number() != null && s.number().equals(n.caseNumber())) {
                    seen.add(n);
                }
            }
        }
        List<Note> notes = new ArrayList<>(seen);
        notes.sort(Comparator.comparing(Note::at, Comparator.nullsLast(Comparator.naturalOrder())));
        if (notes.isEmpty()) {
            flow.paragraph(flow.regular, l.get(NO_NOTES), PdfFlow.BODY, 0f);
        }
        for (Note n : notes) {
            flow.keep(2);
            flow.paragraph(flow.bold, given(ReportPdf.time(l, n.at())) + DOT + whoInReports(n.author()), PdfFlow.BODY, 0f);
            flow.paragraph(flow.regular, n.body(), PdfFlow.BODY, 14f);
            flow.gap(3f);
        }
    }

    /** A staff member by name and role, as the case facts know them. */
    private String who(String actor) {
        return f.person(actor).map(p -> p.name() + " (" + l.staffRole(p.role()) + ")").orElseGet(() -> whoInReports(actor));
    }

    /** A staff member by name and role, as the case facts or any report's summary know them. */
    private String whoInReports(String actor) {
        if (f.person(actor).isPresent()) {
            return who(actor);
        }
        for (ReportInCase report : s.reports()) {
            var person = report.summary().additions().person(actor);
            if (person.isPresent()) {
                return person.get().name() + " (" + l.staffRole(person.get().role()) + ")";
            }
        }
        return given(actor);
    }

    private void field(Labels.Key key, String value) {
        flow.field(l.get(key), l.colon(), given(value));
    }

    private String given(String value) {
        return value == null || value.isBlank() ? l.get(NOT_GIVEN) : value;
    }
}
