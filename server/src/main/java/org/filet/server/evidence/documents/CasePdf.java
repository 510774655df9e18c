package org.filet.server.evidence.documents;

import static org.filet.server.evidence.documents.Labels.Key.*;

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
import org.filet.server.evidence.documents.ExportSummary.Link;
import org.filet.server.evidence.documents.ExportSummary.Note;
import org.filet.server.evidence.documents.ExportSummary.Triage;

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
            ReportPdf.describe(
                    document, l, l.get(CASE_TITLE) + " " + ReportPdf.orDash(s.number()), s.subject(), s.exportedAt());
            flow = new PdfFlow(document);
            header();
            approval();
            reports();
            links();
            notes();
            flow.finish(
                    l.get(SUBJECT) + l.colon() + ReportPdf.orDash(s.subject()),
                    l.get(PAGE),
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
            flow.paragraph(
                    flow.regular,
                    l.get(VERSION) + " " + a.version() + " " + l.get(APPROVED_BY) + " "
                            + who(a.approvedBy()) + " " + l.get(ON) + " " + ReportPdf.time(l, a.approvedAt()) + DOT
                            + a.reports() + " " + l.get(REPORTS_COUNT) + DOT
                            + (a.referredAt() == null
                                    ? l.get(NOT_REFERRED)
                                    : l.get(REFERRED_ON) + " " + ReportPdf.time(l, a.referredAt())),
                    PdfFlow.BODY,
                    0f);
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
        field(
                REFERRED_BY,
                (r.sentBy() == null ? given(null) : who(r.sentBy())) + " " + l.get(ON) + " "
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
        for (ReportInCase r : s.reports()) {
            flow.gap(8f);
            flow.keep(12);
            flow.paragraph(flow.bold, l.get(SECTION_REPORT) + " " + given(r.receipt()), 11f, 0f);
            field(RECEIVED_AT, ReportPdf.time(l, r.receivedAt()));
            field(IMMEDIATE_DANGER, l.get(r.immediateDanger() ? YES : NO));
            Triage t = r.triage();
            field(
                    TRIAGE_URGENCY,
                    t == null
                            ? l.get(NOT_TRIAGED)
                            : t.urgent()
                                    ? l.get(URGENT) + " (" + String.join(", ", t.urgencyReasons()) + ")"
                                    : l.get(NOT_URGENT));
            field(CHILD_AGE, r.childAge() == null ? null : r.childAge() + " " + l.get(YEARS));
            field(CHILD_COUNTRY, r.childCountry());
            field(PLATFORMS, r.platforms().isEmpty() ? null : String.join(", ", r.platforms()));
            if (t != null) {
                field(LEVEL, t.urgent() ? l.get(URGENT) : l.level(t.level()));
                field(
                        URGENCY_REASONS,
                        t.urgencyReasons().isEmpty()
                                ? l.get(NONE)
                                : String.join(
                                        ", ",
                                        t.urgencyReasons().stream()
                                                .map(l::urgencyReason)
                                                .toList()));
            }
            flow.paragraph(flow.bold, l.get(TRIAGE_NOTICE), PdfFlow.BODY, 0f);
            field(MESSAGES_LABEL, messages(r));
            flow.paragraph(flow.bold, l.get(DOCUMENTS) + l.colon(), PdfFlow.BODY, 0f);
            flow.paragraph(flow.regular, "\u2022 " + r.pdf() + DOT + l.get(OWN_PDF), PdfFlow.BODY, 8f);
            flow.paragraph(flow.regular, "\u2022 " + r.jsonld() + DOT + l.get(OWN_GRAPH), PdfFlow.BODY, 8f);
            if (!r.derived().isEmpty()) {
                flow.paragraph(flow.regular, "\u2022 " + l.get(DERIVED_FILES) + l.colon(), PdfFlow.BODY, 8f);
                for (String path : r.derived()) {
                    flow.paragraph(flow.mono, path, PdfFlow.MONO, 20f);
                }
            }
        }
    }

    /** How many messages, from which sources: the form, chat exports, OCR readings (omitted ones counted). */
    private String messages(ReportInCase r) {
        List<String> parts = new ArrayList<>();
        parts.add(r.formMessages() + " " + l.get(IN_FORM));
        if (r.exportMessages() > 0) {
            parts.add(r.exportMessages() + " " + l.get(IN_EXPORTS));
        }
        if (r.ocrMessages() > 0) {
            parts.add(r.ocrMessages() + " " + l.get(BY_OCR));
        }
        return String.join(", ", parts);
    }

    /** Each link once, whichever report it was recorded from (A with B is B with A). */
    private void links() {
        flow.heading(l.get(SECTION_LINKS));
        Set<String> seen = new LinkedHashSet<>();
        for (ReportInCase report : s.reports()) {
            String receipt = report.receipt();
            for (Link link : report.links()) {
                String a = given(receipt);
                String b = given(link.otherReceipt());
                String pair = a.compareTo(b) <= 0 ? a + "\n" + b : b + "\n" + a;
                if (!seen.add(pair + "\n" + link.reason() + "\n" + link.kind() + "\n" + link.detail())) {
                    continue;
                }
                String why = "picture".equals(link.reason()) ? l.get(LINK_PICTURE) : l.get(LINK_IDENTIFIER);
                flow.paragraph(
                        flow.regular,
                        a + " " + l.get(WITH) + " " + b + DOT + why + " (" + given(link.kind()) + ")" + l.colon()
                                + given(link.detail()),
                        PdfFlow.BODY,
                        0f);
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
            for (Note n : report.notes()) {
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
            flow.paragraph(
                    flow.bold, given(ReportPdf.time(l, n.at())) + DOT + whoInReports(n.author()), PdfFlow.BODY, 0f);
            flow.paragraph(flow.regular, n.body(), PdfFlow.BODY, 14f);
            flow.gap(3f);
        }
    }

    /** A staff member by name and role, as the case facts know them. */
    private String who(String actor) {
        return f.person(actor)
                .map(p -> p.name() + " (" + l.staffRole(p.role()) + ")")
                .orElseGet(() -> whoInReports(actor));
    }

    /** A staff member by name and role, as the case facts or any report's summary know them. */
    private String whoInReports(String actor) {
        if (f.person(actor).isPresent()) {
            return who(actor);
        }
        for (ReportInCase report : s.reports()) {
            ExportSummary.Person person = actor == null ? null : report.people().get(actor);
            if (person != null) {
                return person.name() + " (" + l.staffRole(person.role()) + ")";
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
