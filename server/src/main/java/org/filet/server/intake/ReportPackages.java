package org.filet.server.intake;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.filet.seal.SealedPackageWriter;
import org.filet.server.evidence.CustodyEvent;
import org.filet.server.evidence.CustodyLedger;
import org.filet.server.evidence.EvidenceCatalogue;
import org.filet.server.evidence.EvidenceStore;
import org.filet.server.evidence.Ledger;
import org.filet.server.evidence.StoredObject;
import org.filet.server.evidence.documents.CasePackageContent;
import org.filet.server.evidence.documents.CaseSummary;
import org.filet.server.evidence.documents.ExportSummary;
import org.filet.server.evidence.documents.PackageContent;
import org.filet.server.evidence.documents.PackageDocuments;
import org.filet.server.people.Organisations;
import org.filet.server.people.StaffUser;
import org.filet.server.people.StaffUsers;
import org.filet.server.support.Components;
import org.filet.server.support.FiletInstance;
import org.filet.verify.pkg.CustodyRecord;
import org.filet.verify.pkg.ManifestFile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Produces the sealed evidence package of one report (docs/evidence-package.md): the originals exactly as received
 * (the submission's JSON and every file), a derived text transcript, {@code report.pdf} and {@code case.jsonld},
 * the manifest, and the custody entries about all of them with their inclusion proofs in a freshly signed tree head
 * (time-stamped when a TSA is configured). Producing the package is itself a custody event ({@code exported}).
 */
@Component
public class ReportPackages {

    static final String TRANSCRIBER = Components.actor("transcript");
    private static final String CASE_SUBJECT = "case:";

    private final Reports reports;
    private final EvidenceStore store;
    private final EvidenceCatalogue catalogue;
    private final CustodyLedger custody;
    private final Ledger ledger;
    private final JdbcClient jdbc;
    private final FiletInstance instance;
    private final Organisations organisations;
    private final StaffUsers staff;
    private final List<PackageContent> contents;
    private final List<CasePackageContent> caseContents;

    ReportPackages(
            Reports reports,
            EvidenceStore store,
            EvidenceCatalogue catalogue,
            CustodyLedger custody,
            Ledger ledger,
            JdbcClient jdbc,
            FiletInstance instance,
            Organisations organisations,
            StaffUsers staff,
            List<PackageContent> contents,
            List<CasePackageContent> caseContents) {
        this.reports = reports;
        this.store = store;
        this.catalogue = catalogue;
        this.custody = custody;
        this.ledger = ledger;
        this.jdbc = jdbc;
        this.instance = instance;
        this.organisations = organisations;
        this.staff = staff;
        this.contents = List.copyOf(contents);
        this.caseContents = List.copyOf(caseContents);
    }

    /**
     * Writes the package of a report to {@code out}, produced for {@code user} (recorded as the {@code exported}
     * custody event's actor). The caller has checked the user may have it: staff of the report's organisation, or a
     * user of the authority the report's case was referred to.
     */
    public void write(StaffUser user, Reports.ReportDetail report, OutputStream out) throws IOException, SQLException {
        writeAll(user, Reports.subject(report.receipt()), List.of(report), out);
    }

    /**
     * Writes one sealed package holding several reports (a case): every report's originals and transcript, one
     * {@code report-<receipt>.pdf} and {@code case-<receipt>.jsonld} each, the custody entries of every report and
     * of {@code subject} itself, and, when {@code subject} is a case ({@code case:<number>}), {@code case.pdf}. The
     * caller has checked the user may have them, and gives them as approved (a case's referred snapshot).
     */
    public void writeAll(StaffUser user, String subject, List<Reports.ReportDetail> all, OutputStream out)
            throws IOException, SQLException {
        java.util.Map<String, String> transcripts = new java.util.HashMap<>();
        for (Reports.ReportDetail report : all) {
            transcripts.put(report.receipt(), ensureTranscript(report, Reports.subject(report.receipt())));
        }
        java.util.Map<UUID, String> packaged = new java.util.LinkedHashMap<>();
        all.forEach(r -> packaged.put(r.id(), r.receipt()));
        Ledger.Head before = ledger.sealNow();
        Instant now = Instant.now();
        SealedPackageWriter writer = SealedPackageWriter.open(out, instance.id(), subject, now);
        Set<String> inputs = new LinkedHashSet<>();
        List<CaseSummary.ReportInCase> inCase = new ArrayList<>();
        Organisations.Organisation caseOrganisation = null;
        for (Reports.ReportDetail report : all) {
            var org = organisations
                    .find(reports.organisationOf(report.id()).orElseThrow())
                    .orElseThrow();
            caseOrganisation = caseOrganisation == null ? org : caseOrganisation;
            byte[] submission = jdbc.sql("select submission from report where id = ?")
                    .param(report.id())
                    .query(byte[].class)
                    .single();
            List<ManifestFile> added = new ArrayList<>();
            if (inputs.add(report.submissionSha256())) {
                added.add(writer.addOriginal(
                        report.submissionSha256(),
                        "submission.json",
                        "application/json",
                        report.receivedAt(),
                        new ByteArrayInputStream(submission)));
            }
            for (Reports.FileEntry f : report.files()) {
                if (inputs.add(f.sha256())) {
                    try (InputStream in = store.open(f.sha256())) {
                        added.add(writer.addOriginal(f.sha256(), f.originalName(), f.mediaType(), f.receivedAt(), in));
                    }
                }
            }
            String transcriptSha = transcripts.get(report.receipt());
            if (inputs.add(transcriptSha)) {
                try (InputStream in = store.open(transcriptSha)) {
                    added.add(writer.addDerived(
                            transcriptSha, report.submissionSha256(), "text/plain", "txt", report.receivedAt(), in));
                }
            }
            for (Derived d : derived(report)) {
                if (inputs.add(d.sha256())) {
                    try (InputStream in = store.open(d.sha256())) {
                        added.add(writer.addDerived(d.sha256(), d.source(), d.mediaType(), d.extension(), d.at(), in));
                    }
                }
            }
            ExportSummary summary = summary(
                    report,
                    org,
                    Reports.subject(report.receipt()),
                    now,
                    before,
                    added,
                    additions(report, org.id(), packaged));
            String suffix = all.size() == 1 ? "" : "-" + report.receipt().toLowerCase(java.util.Locale.ROOT);
            writer.addDocument("report" + suffix + ".pdf", "application/pdf", now, PackageDocuments.reportPdf(summary));
            writer.addDocument(
                    "case" + suffix + ".jsonld", "application/ld+json", now, PackageDocuments.caseJsonLd(summary));
            inCase.add(CaseSummary.ReportInCase.of(summary, "report" + suffix + ".pdf", "case" + suffix + ".jsonld"));
        }
        if (subject.startsWith(CASE_SUBJECT) && caseOrganisation != null) {
            writer.addDocument(
                    PackageDocuments.CASE_PDF,
                    "application/pdf",
                    now,
                    PackageDocuments.casePdf(caseSummary(subject, caseOrganisation, now, inCase)));
        }
        writer.writeManifest();

        custody.appendCommitted(new CustodyEvent(
                "exported",
                user.actor(),
                subject,
                List.copyOf(inputs),
                List.of(writer.manifestSha256()),
                "sealed evidence package"));
        Ledger.Head head = ledger.sealNow();
        List<CustodyRecord> records = new ArrayList<>();
        Set<String> subjects = new LinkedHashSet<>();
        all.forEach(r -> subjects.add(Reports.subject(r.receipt())));
        subjects.add(subject);
        for (String s : subjects) {
            for (Ledger.Leaf leaf : ledger.leaves(s)) {
                if (leaf.index() < head.treeSize()) {
                    records.add(ledger.record(leaf, head.treeSize()));
                }
            }
        }
        records.sort(java.util.Comparator.comparingLong(CustodyRecord::leafIndex));
        try {
            writer.seal(records, head.sth(), ledger.publicKey(), head.timestampReply());
        } catch (org.filet.seal.PackageSealException e) {
            throw new IllegalStateException("the package of " + subject + " would not verify: " + e.getMessage(), e);
        }
        writer.close();
    }

    /**
     * The case-level summary: what the cases and referral capabilities say about the case (status, approvals,
     * referral), staff by name and role, and the reports as packaged.
     */
    private CaseSummary caseSummary(
            String subject, Organisations.Organisation org, Instant now, List<CaseSummary.ReportInCase> inCase) {
        String number = subject.substring(CASE_SUBJECT.length());
        CaseSummary.Facts facts = new CaseSummary.Facts();
        for (CasePackageContent content : caseContents) {
            content.contribute(number, org.id(), facts);
        }
        staff.namesAndRoles(facts.actors()).forEach((actor, shown) -> facts.person(actor, shown.name(), shown.role()));
        return new CaseSummary(instance.id(), org.name(), org.language(), subject, number, now, facts, inCase);
    }

    /** Writes a package to {@code out}. */
    @FunctionalInterface
    public interface PackageBody {
        void writeTo(OutputStream out) throws IOException, SQLException;
    }

    /**
     * Sends a package as a download: built in a temporary file first, so that a package that cannot be sealed is never
     * half-sent; {@code no-store}, since it carries evidence.
     */
    public static void sendAsAttachment(
            jakarta.servlet.http.HttpServletResponse response, String fileName, PackageBody body)
            throws IOException, SQLException {
        java.nio.file.Path tmp = java.nio.file.Files.createTempFile("filet-package-", ".zip");
        try {
            try (OutputStream out = java.nio.file.Files.newOutputStream(tmp)) {
                body.writeTo(out);
            }
            response.setContentType("application/zip");
            response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
            response.setHeader("Cache-Control", "no-store");
            response.setContentLengthLong(java.nio.file.Files.size(tmp));
            java.nio.file.Files.copy(tmp, response.getOutputStream());
        } finally {
            java.nio.file.Files.deleteIfExists(tmp);
        }
    }

    /** A derived file of a report other than the transcript: a parsed chat export, an OCR reading. */
    private record Derived(String sha256, String source, String mediaType, String extension, Instant at) {}

    /**
     * Every object the ledger records as parsed from one of the report's files (parsed chat exports, OCR readings),
     * each with the file it was read from: what the custody record says, so nothing derived is left out.
     */
    private List<Derived> derived(Reports.ReportDetail report) throws SQLException {
        Set<String> originals = new LinkedHashSet<>();
        report.files().forEach(f -> originals.add(f.sha256()));
        List<Derived> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Ledger.Leaf leaf : ledger.leaves(Reports.subject(report.receipt()))) {
            var e = leaf.entry();
            if (!e.action().wireName().equals("parsed")
                    || e.inputs().size() != 1
                    || !originals.contains(e.inputs().get(0))) {
                continue;
            }
            for (String sha : e.outputs()) {
                if (seen.add(sha)) {
                    String type = catalogue.mediaType(sha).orElse("application/octet-stream");
                    out.add(new Derived(sha, e.inputs().get(0), type, extension(type), e.time()));
                }
            }
        }
        return out;
    }

    private static String extension(String mediaType) {
        return switch (mediaType) {
            case "application/x-ndjson" -> "jsonl";
            case "application/json" -> "json";
            case "text/plain" -> "txt";
            default -> null;
        };
    }

    /** What the other capabilities add to the report's documents, and every staff member named by name and role. */
    private ExportSummary.Additions additions(
            Reports.ReportDetail report, UUID organisation, java.util.Map<UUID, String> packaged)
            throws IOException, SQLException {
        ExportSummary.Additions additions = new ExportSummary.Additions();
        Reports.Facts facts = report.facts();
        additions.facts(new ExportSummary.Facts(
                facts.date(),
                facts.aboutMonth(),
                facts.suspectClaimedAge(),
                facts.childAccounts().stream()
                        .map(a -> (a.platform() == null ? "" : a.platform() + " ") + a.handle())
                        .toList()));
        for (PackageContent content : contents) {
            content.contribute(report.id(), organisation, packaged, additions);
        }
        additions.keepTimelinesOf(
                report.files().stream().map(Reports.FileEntry::sha256).collect(java.util.stream.Collectors.toSet()));
        Set<String> actors = new LinkedHashSet<>();
        for (Ledger.Leaf leaf : ledger.leaves(Reports.subject(report.receipt()))) {
            actors.add(leaf.entry().actor());
        }
        additions.notes().forEach(n -> actors.add(n.author()));
        additions.triage().ifPresent(t -> t.overrides().forEach(o -> actors.add(o.by())));
        staff.namesAndRoles(actors).forEach((actor, shown) -> additions.person(actor, shown.name(), shown.role()));
        return additions;
    }

    /** The derived transcript: the report's messages as plain text, stored and recorded once ({@code parsed}). */
    private String ensureTranscript(Reports.ReportDetail report, String subject) throws IOException {
        byte[] text = transcript(report).getBytes(StandardCharsets.UTF_8);
        StoredObject stored = store.put(new ByteArrayInputStream(text), Long.MAX_VALUE);
        boolean recorded =
                jdbc.sql("""
                        select count(*) from custody_event
                        where subject = ? and action = 'parsed' and outputs = array[?]::text[]""").params(subject, stored.sha256()).query(Long.class).single() > 0;
        if (!recorded) {
            catalogue.record(new EvidenceCatalogue.Entry(stored.sha256(), stored.size(), "text/plain"));
            custody.appendCommitted(new CustodyEvent(
                    "parsed",
                    TRANSCRIBER,
                    subject,
                    List.of(report.submissionSha256()),
                    List.of(stored.sha256()),
                    null));
        }
        return stored.sha256();
    }

    static String transcript(Reports.ReportDetail report) {
        StringBuilder sb = new StringBuilder();
        sb.append("Filet ").append(report.receipt()).append('\n');
        if (report.description() != null) {
            sb.append('\n').append(report.description()).append('\n');
        }
        sb.append('\n');
        for (Reports.Message m : report.messages()) {
            sb.append('[').append(m.position()).append("] ");
            if (m.at() != null) {
                sb.append(m.at()).append(' ');
            }
            if (m.from() != null) {
                sb.append('(').append(m.from()).append(") ");
            }
            if (m.sender() != null) {
                sb.append(m.sender());
            }
            sb.append(": ").append(m.text()).append('\n');
        }
        return sb.toString();
    }

    private ExportSummary summary(
            Reports.ReportDetail r,
            Organisations.Organisation org,
            String subject,
            Instant now,
            Ledger.Head head,
            List<ManifestFile> added,
            ExportSummary.Additions additions)
            throws SQLException {
        List<ExportSummary.FileItem> files = added.stream()
                .map(m -> new ExportSummary.FileItem(
                        m.path(),
                        m.sha256(),
                        m.size(),
                        m.mediaType(),
                        m.originalNameIfAny().orElse(null),
                        m.receivedAt(),
                        m.role().wireName(),
                        m.derivedFromIfAny().orElse(null)))
                .toList();
        List<ExportSummary.CustodyItem> items = ledger.leaves(subject).stream()
                .map(l -> new ExportSummary.CustodyItem(
                        l.index(),
                        l.entry().action().wireName(),
                        l.entry().actor(),
                        l.entry().time(),
                        l.entry().inputs(),
                        l.entry().outputs(),
                        l.entry().reason().orElse(null)))
                .toList();
        return new ExportSummary(
                instance.id(),
                org.name(),
                org.language(),
                subject,
                r.receipt(),
                r.receivedAt(),
                now,
                r.channel(),
                r.reporterRole(),
                r.childAge(),
                r.childCountry(),
                r.platform(),
                r.description(),
                r.immediateDanger(),
                r.messages().stream()
                        .map(m -> new ExportSummary.Message(m.position(), m.at(), m.from(), m.sender(), m.text()))
                        .toList(),
                r.accounts().stream()
                        .map(a -> new ExportSummary.Account(a.platform(), a.handle(), a.url(), a.displayName()))
                        .toList(),
                r.contacts().stream()
                        .map(c -> new ExportSummary.Contact(c.kind(), c.value()))
                        .toList(),
                files,
                items,
                head.treeSize(),
                java.util.HexFormat.of().formatHex(head.sth().rootHash()),
                additions);
    }
}
