package org.filet.server.evidence.documents;

/**
 * The two documents a sealed evidence package carries beside its files: {@value #REPORT_PDF} for people and
 * {@value #CASE_JSONLD} for forensic tools. Both are pure functions of the {@link ExportSummary}: the same summary
 * gives the same bytes, so a package can be rebuilt and compared, and both are listed and hashed in the package
 * manifest like any other file.
 *
 * <p>Guarantees: neither method throws on any text a reporter or a platform can produce (any Unicode, control
 * characters, markup). The PDF draws what none of its embedded fonts can show (most emoji, control characters) as
 * U+FFFD; the JSON-LD keeps every character
 * except those an {@code xsd:string} cannot hold (NUL and other C0 controls, lone surrogates), which become U+FFFD.
 */
public final class PackageDocuments {

    /** Name of the human-readable summary inside the package. */
    public static final String REPORT_PDF = "report.pdf";
    /** Name of the CASE/UCO JSON-LD inside the package. */
    public static final String CASE_JSONLD = "case.jsonld";
    /** Name of the case-level summary inside a case package. */
    public static final String CASE_PDF = "case.pdf";

    private PackageDocuments() {}

    /**
     * {@code report.pdf}: a summary in the organisation's language ({@code en} gives English, anything else French)
     * with, in order, the report's facts (times in UTC and Europe/Paris), its description, the message timeline,
     * the suspect's accounts and contacts, every file with its full SHA-256, the custody entries and the signed tree;
     * each page has a footer with the subject, {@code page n/m} and how to verify the package. Drawn with DejaVu Sans
     * and Sans Mono, then WenQuanYi Micro Hei for what DejaVu lacks, chosen per glyph run and embedded as subsets (open
     * licences), so Latin with accents, Cyrillic, Greek, Arabic, Hebrew, Chinese, Japanese and Korean print; what no font
     * has prints as U+FFFD: the exact text is in the package's files and in {@value #CASE_JSONLD}. The document info
     * dates and trailer ID come from {@code exportedAt} and {@code subject}.
     *
     * <p>Requires a summary from the exporter; fields documented as optional may be null.
     */
    public static byte[] reportPdf(ExportSummary summary) {
        return ReportPdf.render(summary);
    }

    /**
     * {@code case.pdf}: the summary of a case package in the organisation's language ({@code en} gives English,
     * anything else French): the case, its four-eyes approvals and referral with staff by name and role, each report's
     * danger flags, child, platforms and triage (with the sentence that a score accuses no one) and where its own
     * documents are in the package, why the reports are linked, and the case's notes chosen for the authority. Same
     * fonts, footer and determinism as {@link #reportPdf}.
     */
    public static byte[] casePdf(CaseSummary summary) {
        return CasePdf.render(summary);
    }

    /**
     * {@code case.jsonld}: the same facts as a CASE 1.4 / UCO 1.4 graph (UTF-8, indented JSON). See {@link CaseJsonLd}
     * for the mapping, the identifiers and why the messages' text is included.
     *
     * <p>Requires a summary from the exporter; fields documented as optional may be null.
     */
    public static byte[] caseJsonLd(ExportSummary summary) {
        return CaseJsonLd.render(summary);
    }
}
