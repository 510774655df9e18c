package org.filet.server.workspace;

import org.filet.server.cases.CaseStatus;
import org.filet.server.cases.Cases;
import org.filet.server.conversations.ConversationLimits;
import org.filet.server.conversations.Timelines;
import org.filet.server.evidence.CustodyLedger;
import org.filet.server.intake.Reports;
import org.filet.server.linking.Links;
import org.filet.server.media.Matches;
import org.filet.server.people.FiletPrincipal;
import org.filet.server.support.Jobs;
import org.filet.server.support.Paged;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * One report for staff of its organisation: messages, suspect accounts, contacts, files (type, size, SHA-256; pictures
 * are not displayed), who opened it, and the analyses that failed. The timelines ({@code ?page=N}) and the messages
 * the reporter copied ({@code ?typed=N}) come a page at a time. Every opening is recorded before the page is shown.
 */
@Controller
class StaffReportController {

    private final Reports reports;
    private final CustodyLedger ledger;
    private final org.filet.server.people.StaffUsers users;
    private final org.filet.server.triage.TriageView triage;
    private final org.filet.server.conversations.Conversations conversations;

    private final org.filet.server.media.Matches matches;
    private final org.filet.server.linking.Links links;
    private final org.filet.server.linking.Search search;
    private final org.filet.server.linking.NetworkIndex networkIndex;
    private final org.filet.server.conversations.Screenshots screenshots;
    private final Cases cases;
    private final Timelines timelines;
    private final Jobs jobs;
    private final ConversationLimits limits;

    StaffReportController(
            Timelines timelines,
            Jobs jobs,
            ConversationLimits limits,
            Reports reports,
            CustodyLedger ledger,
            org.filet.server.people.StaffUsers users,
            org.filet.server.triage.TriageView triage,
            org.filet.server.conversations.Conversations conversations,
            org.filet.server.media.Matches matches,
            org.filet.server.linking.Links links,
            org.filet.server.linking.Search search,
            org.filet.server.conversations.Screenshots screenshots,
            org.filet.server.linking.NetworkIndex networkIndex,
            Cases cases) {
        this.cases = cases;
        this.timelines = timelines;
        this.jobs = jobs;
        this.limits = limits;
        this.networkIndex = networkIndex;
        this.search = search;
        this.screenshots = screenshots;
        this.matches = matches;
        this.links = links;
        this.triage = triage;
        this.conversations = conversations;
        this.reports = reports;
        this.ledger = ledger;
        this.users = users;
    }

    @GetMapping("/staff/reports/{receipt}")
    String report(
            @PathVariable String receipt,
            @RequestParam(defaultValue = "1") int page,
            @RequestParam(defaultValue = "1") int typed,
            @AuthenticationPrincipal FiletPrincipal principal,
            Model model) {
        Reports.ReportDetail report = reports.detail(principal.user().organisation(), receipt)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        reports.recordView(report, principal.user().id(), principal.user().actor());
        model.addAttribute("report", report);
        model.addAttribute("views", reports.views(report.id()));
        var history = ledger.history(Reports.subject(report.receipt()));
        model.addAttribute("custody", history);
        java.util.Map<String, java.util.List<CustodyLedger.RecordedEvent>> openings = new java.util.HashMap<>();
        for (var e : history) {
            if (e.event().action().equals("viewed") || e.event().action().equals("exported")) {
                for (String sha : e.event().inputs()) {
                    openings.computeIfAbsent(sha, k -> new java.util.ArrayList<>())
                            .add(e);
                }
            }
        }
        model.addAttribute("openings", openings);
        model.addAttribute("triage", triage.of(report.id()).orElse(null));
        model.addAttribute("overrides", triage.overrides(report.id()));
        model.addAttribute("matches", matches.of(report.id(), principal.user().organisation()));
        var found = links.identifiers(report.id());
        var linked = links.of(report.id(), principal.user().organisation());
        model.addAttribute("identifiers", found);
        model.addAttribute("links", linked);
        model.addAttribute(
                "caseCandidates",
                candidates(
                        found, linked, matches.of(report.id(), principal.user().organisation())));
        model.addAttribute(
                "openCases",
                cases.list(principal.user().organisation()).stream()
                        .filter(c -> c.status() != CaseStatus.CLOSED)
                        .toList());
        model.addAttribute("networkSize", networkIndex.sizeOf(report.id()));
        model.addAttribute(
                "similar", search.similarAccounts(report.id(), principal.user().organisation()));
        java.util.List<java.util.Map<String, Object>> ocr = new java.util.ArrayList<>();
        for (var read : screenshots.of(report.id())) {
            if (read.ocrSha256() != null) {
                try {
                    ocr.add(java.util.Map.of("file", read.fileSha256(), "lines", screenshots.lines(read.ocrSha256())));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        }
        model.addAttribute("ocr", ocr);
        model.addAttribute("rejectedMedia", matches.rejected(report.id()));
        var known = matches.known(report.id());
        model.addAttribute("known", known);
        model.addAttribute(
                "knownFiles",
                known.stream()
                        .map(org.filet.server.media.Matches.Known::fileSha256)
                        .collect(java.util.stream.Collectors.toSet()));
        model.addAttribute("parses", conversations.all(report.id()));
        model.addAttribute("timeline", timelines.page(report.id(), page));
        model.addAttribute("typed", Paged.of(report.messages(), typed, limits.messagesPerPage()));
        model.addAttribute("failedJobs", jobs.failedFor(report.id().toString()));
        model.addAttribute("administers", principal.user().role().administers());
        java.util.List<String> actors = new java.util.ArrayList<>(
                history.stream().map(e -> e.event().actor()).toList());
        triage.overrides(report.id()).forEach(o -> actors.add("user:" + o.user()));
        model.addAttribute("names", users.names(actors));
        return "intake/report";
    }

    /**
     * A report that may join a case built from this one, with why it is linked: the identifiers both hold and the
     * pictures that match. Pre-ticked when a reason is firm (a strong identifier, or a matching picture); a weak one
     * alone (a handle seen without its platform, a value only mentioned in a message) is left for the analyst to tick.
     */
    record CaseCandidate(
            String receipt,
            java.util.List<Links.Link> identifiers,
            java.util.List<Matches.Match> pictures,
            boolean preselected) {}

    static java.util.List<CaseCandidate> candidates(
            java.util.List<Links.Found> found,
            java.util.List<Links.Link> linked,
            java.util.List<Matches.Match> pictures) {
        java.util.Map<String, String> strength = new java.util.HashMap<>();
        found.forEach(f -> strength.put(f.key(), f.strength()));
        java.util.Map<String, java.util.List<Links.Link>> byReceipt = new java.util.LinkedHashMap<>();
        java.util.Map<String, java.util.List<Matches.Match>> picturesOf = new java.util.LinkedHashMap<>();
        for (Links.Link l : linked) {
            byReceipt
                    .computeIfAbsent(l.receipt(), r -> new java.util.ArrayList<>())
                    .add(l);
        }
        for (Matches.Match m : pictures) {
            byReceipt.computeIfAbsent(m.otherReceipt(), r -> new java.util.ArrayList<>());
            picturesOf
                    .computeIfAbsent(m.otherReceipt(), r -> new java.util.ArrayList<>())
                    .add(m);
        }
        java.util.List<CaseCandidate> out = new java.util.ArrayList<>();
        byReceipt.forEach((receipt, ids) -> {
            java.util.List<Matches.Match> pics = picturesOf.getOrDefault(receipt, java.util.List.of());
            boolean firm = !pics.isEmpty()
                    || ids.stream()
                            .anyMatch(l -> "strong".equals(strength.get(l.key()))
                                    && !(l.kind().equals("ACCOUNT") && l.platform() == null));
            out.add(new CaseCandidate(receipt, java.util.List.copyOf(ids), java.util.List.copyOf(pics), firm));
        });
        return out;
    }
}
