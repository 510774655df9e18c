package org.filet.server.people;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /staff/wellbeing}: a person's own exposure today and this week, and, for a lead, their team's. */
@Controller
class WellbeingController {

    private final Exposure exposure;
    private final StaffUsers users;

    WellbeingController(Exposure exposure, StaffUsers users) {
        this.exposure = exposure;
        this.users = users;
    }

    @GetMapping("/staff/wellbeing")
    String page(@AuthenticationPrincipal FiletPrincipal principal, Model model) {
        model.addAttribute("mine", exposure.of(principal.user()));
        if (principal.user().role().leads()) {
            model.addAttribute("team", exposure.team(principal.user().organisation(), users));
        }
        return "people/wellbeing";
    }
}
