package org.filet.server.evidence.documents;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What {@code case.pdf} says about a case package: the case as it was approved and referred, and each report of the
 * package with the names of its own documents. Plain data, filled by the exporter; the per-report facts (danger, triage,
 * links, notes) are taken from each report's {@link ExportSummary} by {@link ReportInCase#of}.
 *
 * @param instance     the Filet instance id that exports
 * @param organisation the organisation's name
 * @param language     {@code fr} or {@code en}: the organisation's language, used for the PDF
 * @param subject      the custody subject, {@code case:<number>}
 * @param number       the case number
 * @param exportedAt   when the package is produced
 * @param facts        what the cases and referral capabilities add (status, approvals, referral, names)
 * @param reports      the reports of the package, in package order
 */
public record CaseSummary(
        String instance,
        String organisation,
        String language,
        String subject,
        String number,
        Instant exportedAt,
        Facts facts,
        List<ReportInCase> reports) {

    public CaseSummary {
        facts = facts == null ? new Facts() : facts;
        reports = List.copyOf(reports);
    }

    /**
     * One report of the case package, as {@code case.pdf} summarises it, and where its own documents are in the
     * package. Holds counts and short facts only (no message text), so a case of many large reports stays small in
     * memory; make it with {@link #of}.
     *
     * @param pdf         the name of its PDF in the package ({@code report-<receipt>.pdf}, or {@code report.pdf})
     * @param jsonld      the name of its CASE/UCO graph in the package
     * @param platforms   the platform the reporter named, then those of the suspect's accounts, each once
     * @param triage      its triage result without signals or overrides (they are in its own PDF), or null
     * @param derived     the paths of its derived files in the package (transcripts, parsed exports, OCR readings)
     */
    public record ReportInCase(
            String receipt,
            Instant receivedAt,
            boolean immediateDanger,
            Integer childAge,
            String childCountry,
            List<String> platforms,
            ExportSummary.Triage triage,
            int formMessages,
            int exportMessages,
            int ocrMessages,
            List<String> derived,
            List<ExportSummary.Link> links,
            List<ExportSummary.Note> notes,
            Map<String, ExportSummary.Person> people,
            String pdf,
            String jsonld) {

        public ReportInCase {
            platforms = List.copyOf(platforms);
            derived = List.copyOf(derived);
            links = List.copyOf(links);
            notes = List.copyOf(notes);
            people = Map.copyOf(people);
        }

        /** What {@code case.pdf} needs of a report's summary, with the names of its documents. */
        public static ReportInCase of(ExportSummary s, String pdf, String jsonld) {
            java.util.Set<String> platforms = new java.util.LinkedHashSet<>();
            if (s.platform() != null && !s.platform().isBlank()) {
                platforms.add(s.platform().strip());
            }
            for (ExportSummary.Account a : s.accounts()) {
                if (a.platform() != null
                        && !a.platform().isBlank()
                        && platforms.stream()
                                .noneMatch(p -> p.equalsIgnoreCase(a.platform().strip()))) {
                    platforms.add(a.platform().strip());
                }
            }
            int exports = 0;
            int ocr = 0;
            for (ExportSummary.Timeline t : s.additions().timelines()) {
                int n = t.messages().size() + t.omitted();
                if (t.machineReading()) {
                    ocr += n;
                } else {
                    exports += n;
                }
            }
            ExportSummary.Triage triage = s.additions()
                    .triage()
                    .map(t -> new ExportSummary.Triage(
                            t.level(),
                            t.risk(),
                            t.urgent(),
                            t.urgencyReasons(),
                            t.scoredAt(),
                            t.scorer(),
                            List.of(),
                            List.of()))
                    .orElse(null);
            List<String> derived = s.files().stream()
                    .filter(f -> "derived".equals(f.role()))
                    .map(ExportSummary.FileItem::path)
                    .toList();
            return new ReportInCase(
                    s.receipt(),
                    s.receivedAt(),
                    s.immediateDanger(),
                    s.childAge(),
                    s.childCountry(),
                    List.copyOf(platforms),
                    triage,
                    s.messages().size(),
                    exports,
                    ocr,
                    derived,
                    s.additions().links(),
                    s.additions().notes(),
                    s.additions().people(),
                    pdf,
                    jsonld);
        }
    }

    /**
     * One four-eyes approval of the case's content (a snapshot of its reports and files).
     *
     * @param version    the snapshot's number, from 1
     * @param approvedBy the approver, {@code user:<id>}
     * @param approvedAt when
     * @param referredAt when it was sent to the authority, or null if it was not (yet)
     * @param reports    how many reports the snapshot holds
     * @param digest     SHA-256 of the snapshot's canonical content, hex
     */
    public record Approval(
            int version, String approvedBy, Instant approvedAt, Instant referredAt, int reports, String digest) {}

    /**
     * The referral: the authority (code and name), who sent it and when, its status, and the authority the directory
     * proposed with the reason given for choosing another one (both null when the proposal was followed).
     */
    public record Referral(
            String authorityCode,
            String authorityName,
            String sentBy,
            Instant sentAt,
            String status,
            Instant acceptedAt,
            String proposed,
            String overrideReason) {}

    /**
     * What the capabilities that hold it add to {@code case.pdf} (see {@link CasePackageContent}). Filled once before
     * rendering; the renderer only reads it.
     */
    public static final class Facts {
        private String title;
        private String status;
        private String openedBy;
        private final List<Approval> approvals = new ArrayList<>();
        private Referral referral;
        private final Map<String, ExportSummary.Person> people = new TreeMap<>();

        /** The case's title, its status ({@code referred}…) and who opened it ({@code user:<id>}). */
        public void caseItself(String title, String status, String openedBy) {
            this.title = title;
            this.status = status;
            this.openedBy = openedBy;
        }

        public void approval(Approval approval) {
            approvals.add(approval);
        }

        public void referral(Referral referral) {
            this.referral = referral;
        }

        /** How an actor ({@code user:<id>}) is shown: name and role. */
        public void person(String actor, String name, String role) {
            people.put(actor, new ExportSummary.Person(name, role));
        }

        public String title() {
            return title;
        }

        public String status() {
            return status;
        }

        public String openedBy() {
            return openedBy;
        }

        public List<Approval> approvals() {
            return List.copyOf(approvals);
        }

        public Optional<Referral> referral() {
            return Optional.ofNullable(referral);
        }

        public Map<String, ExportSummary.Person> people() {
            return Collections.unmodifiableMap(people);
        }

        /** Every actor named in these facts, to look their names up. */
        public List<String> actors() {
            List<String> actors = new ArrayList<>();
            if (openedBy != null) {
                actors.add(openedBy);
            }
            approvals.forEach(a -> actors.add(a.approvedBy()));
            if (referral != null && referral.sentBy() != null) {
                actors.add(referral.sentBy());
            }
            return actors;
        }

        public Optional<ExportSummary.Person> person(String actor) {
            return actor == null ? Optional.empty() : Optional.ofNullable(people.get(actor));
        }
    }
}
