package org.filet.server.intake;

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

    StaffReportController(Reports reports, CustodyLedger ledger, org.filet.server.people.StaffUsers users) {
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
        model.addAttribute("names", users.names(history.stream().map(e -> e.event().actor()).toList()));
        return "intake/report";
    }
}
