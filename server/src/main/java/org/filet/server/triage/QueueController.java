package org.filet.server.triage;

import org.filet.server.people.FiletPrincipal;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The analyst queue of the user's organisation, and the lists of the reports that left it (referred, closed). */
@Controller
class QueueController {

    static final java.util.Set<String> LEFT = java.util.Set.of("referred", "closed");

    private final Queue queue;
    private final Alerts alerts;
    private final QueueEntries entries;

    QueueController(Queue queue, Alerts alerts, QueueEntries entries) {
        this.entries = entries;
        this.queue = queue;
        this.alerts = alerts;
    }

    /** The open reports, worst first; with {@code state=referred} or {@code closed}, the reports that left the queue. */
    @GetMapping("/staff/queue")
    String queue(
            @RequestParam(name = "state", required = false) String state,
            @AuthenticationPrincipal FiletPrincipal principal,
            Model model) {
        if (state != null && !state.isBlank() && !LEFT.contains(state)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "state must be referred or closed");
        }
        boolean open = state == null || state.isBlank();
        entries.catchUp();
        model.addAttribute("state", open ? "open" : state);
        model.addAttribute(
                "entries",
                open
                        ? queue.of(principal.user().organisation(), 200)
                        : queue.left(principal.user().organisation(), state, 200));
        model.addAttribute("user", principal.user());
        model.addAttribute("alerts", alerts.open(principal.user().organisation()));
        model.addAttribute(
                "canAcknowledge",
                principal.user().role() == org.filet.server.people.Role.LEAD
                        || principal.user().role() == org.filet.server.people.Role.ADMIN);
        return "triage/queue";
    }
}
