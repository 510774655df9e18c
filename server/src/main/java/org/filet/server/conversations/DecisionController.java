package org.filet.server.conversations;

import org.filet.server.intake.ReportReceived;
import org.filet.server.intake.Reports;
import org.filet.server.people.FiletPrincipal;
import org.filet.server.support.Jobs;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** An analyst settles how an export is read (day/month order, time zone); the export is parsed again under it. */
@Controller
class DecisionController {

    private final Reports reports;
    private final Decisions decisions;
    private final Jobs jobs;

    DecisionController(Reports reports, Decisions decisions, Jobs jobs) {
        this.reports = reports;
        this.decisions = decisions;
        this.jobs = jobs;
    }

    @PostMapping("/staff/reports/{receipt}/files/{sha256}/reading")
    @Transactional
    String decide(
            @PathVariable String receipt,
            @PathVariable String sha256,
            @RequestParam(required = false) String order,
            @RequestParam(required = false) String zone,
            @AuthenticationPrincipal FiletPrincipal principal) {
        Reports.ReportDetail report = reports.detail(principal.user().organisation(), receipt)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (report.files().stream().noneMatch(f -> f.sha256().equals(sha256))) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        Boolean daysFirst = order == null || order.isBlank()
                ? null
                : switch (order) {
                    case "day-month" -> Boolean.TRUE;
                    case "month-day" -> Boolean.FALSE;
                    default ->
                        throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "order is day-month or month-day");
                };
        try {
            decisions.decide(
                    report.id(),
                    sha256,
                    daysFirst,
                    zone == null || zone.isBlank() ? null : zone.trim(),
                    principal.user().id());
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
        jobs.enqueue(ReportReceived.JOB, report.id().toString());
        return "redirect:/staff/reports/" + receipt;
    }
}
