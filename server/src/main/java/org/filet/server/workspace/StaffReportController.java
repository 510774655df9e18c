package org.filet.server.workspace;

import org.filet.server.intake.Reports;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

import org.filet.server.evidence.CustodyLedger;
import org.filet.server.people.FiletPrincipal;

/**
 * One report for staff of its organisation: messages, suspect accounts, contacts, files (type, size, SHA-256; pictures
 * are not displayed), who opened it. Every opening is recorded before the page is shown.
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

    StaffReportController(Reports reports, CustodyLedger ledger, org.filet.server.people.StaffUsers users,
                          org.filet.server.triage.TriageView triage,
                          org.filet.server.conversations.Conversations conversations,
                          org.filet.server.media.Matches matches, org.filet.server.linking.Links links,
                          org.filet.server.linking.Search search,
                          org.filet.server.conversations.Screenshots screenshots,
                          org.filet.server.linking.NetworkIndex networkIndex) {
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
    String report(@PathVariable String receipt, @AuthenticationPrincipal FiletPrincipal principal, Model model) {
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
                    openings.computeIfAbsent(sha, k -> new java.util.ArrayList<>()).add(e);
                }
            }
        }
        model.addAttribute("openings", openings);
        model.addAttribute("triage", triage.of(report.id()).orElse(null));
        model.addAttribute("overrides", triage.overrides(report.id()));
        model.addAttribute("matches", matches.of(report.id(), principal.user().organisation()));
        model.addAttribute("identifiers", links.identifiers(report.id()));
        model.addAttribute("links", links.of(report.id(), principal.user().organisation()));
        model.addAttribute("networkSize", networkIndex.sizeOf(report.id()));
        model.addAttribute("similar", search.similarAccounts(report.id(), principal.user().organisation()));
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
        model.addAttribute("knownFiles", known.stream().map(org.filet.server.media.Matches.Known::fileSha256)
                .collect(java.util.stream.Collectors.toSet()));
        model.addAttribute("parses", conversations.all(report.id()));
        model.addAttribute("timelines", timelines(report.id()));
        java.util.List<String> actors = new java.util.ArrayList<>(history.stream().map(e -> e.event().actor()).toList());
        triage.overrides(report.id()).forEach(o -> actors.add("user:" + o.user()));
        model.addAttribute("names", users.names(actors));
        return "intake/report";
    }

    /** A parsed conversation as the page shows it: its id (for highlights), format, and messages. */
    record Timeline(String id, String format, String variant, java.util.List<String> participants,
                    java.util.List<org.filet.conversation.Message> messages, java.util.List<String> missing) {
    }

    private java.util.List<Timeline> timelines(java.util.UUID reportId) {
        java.util.List<Timeline> timelines = new java.util.ArrayList<>();
        for (var parse : conversations.parses(reportId)) {
            try {
                var list = conversations.read(parse);
                for (int i = 0; i < list.size(); i++) {
                    var c = list.get(i);
                    timelines.add(new Timeline(parse.parseSha256() + "#" + i, c.format().name().toLowerCase(java.util.Locale.ROOT),
                            c.variant(), c.participants().stream().map(p -> p.displayName()).toList(), c.messages(), c.missing()));
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return timelines;
    }
}
