package org.filet.server.triage;

import java.util.Set;
import org.filet.server.evidence.CustodyEvent;
import org.filet.server.evidence.CustodyLedger;
import org.filet.server.intake.Reports;
import org.filet.server.people.FiletPrincipal;
import org.filet.server.people.Role;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** A person's word over the score: a priority override with its reason, and the acknowledgement of an alert. */
@Controller
class TriageController {

    static final Set<String> PRIORITIES = Set.of("urgent", "high", "medium", "low");

    private final Reports reports;
    private final Queue queue;
    private final Alerts alerts;
    private final CustodyLedger custody;
    private final QueueEntries queueEntries;

    TriageController(Reports reports, Queue queue, Alerts alerts, CustodyLedger custody, QueueEntries queueEntries) {
        this.queueEntries = queueEntries;
        this.reports = reports;
        this.queue = queue;
        this.alerts = alerts;
        this.custody = custody;
    }

    @PostMapping("/staff/reports/{receipt}/priority")
    @Transactional
    String override(
            @PathVariable String receipt,
            @RequestParam String priority,
            @RequestParam(required = false) String reason,
            @AuthenticationPrincipal FiletPrincipal principal) {
        Reports.ReportDetail report = reports.detail(principal.user().organisation(), receipt)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (!PRIORITIES.contains(priority)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "priority must be urgent, high, medium or low");
        }
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "a reason (1 to 500 characters) is required");
        }
        String clean = reason.strip().replaceAll("\\p{Cntrl}", " ");
        queue.override(report.id(), principal.user().id(), priority, clean);
        queueEntries.refresh(report.id());
        custody.append(new CustodyEvent(
                "triaged",
                principal.user().actor(),
                Reports.subject(receipt),
                java.util.List.of(),
                java.util.List.of(),
                "priority set to " + priority + ": " + clean));
        return "redirect:/staff/reports/" + receipt;
    }

    @PostMapping("/staff/alerts/{id}/acknowledge")
    String acknowledge(@PathVariable long id, @AuthenticationPrincipal FiletPrincipal principal) {
        Role role = principal.user().role();
        if (role != Role.LEAD && role != Role.ADMIN) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "only a lead acknowledges alerts");
        }
        if (!alerts.acknowledge(
                id, principal.user().organisation(), principal.user().id())) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return "redirect:/staff/queue";
    }
}
