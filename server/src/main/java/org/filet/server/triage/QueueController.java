package org.filet.server.triage;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import org.filet.server.people.FiletPrincipal;

/** The analyst queue of the user's organisation. */
@Controller
class QueueController {

    private final Queue queue;
    private final Alerts alerts;

    QueueController(Queue queue, Alerts alerts) {
        this.queue = queue;
        this.alerts = alerts;
    }

    @GetMapping("/staff/queue")
    String queue(@AuthenticationPrincipal FiletPrincipal principal, Model model) {
        model.addAttribute("entries", queue.of(principal.user().organisation(), 200));
        model.addAttribute("user", principal.user());
        model.addAttribute("alerts", alerts.open(principal.user().organisation()));
        model.addAttribute("canAcknowledge", principal.user().role() == org.filet.server.people.Role.LEAD
                || principal.user().role() == org.filet.server.people.Role.ADMIN);
        return "triage/queue";
    }
}
