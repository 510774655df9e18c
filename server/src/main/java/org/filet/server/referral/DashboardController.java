package org.filet.server.referral;

import org.filet.server.people.FiletPrincipal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /staff/dashboard}: the organisation's figures, drawn as server-side SVG. */
@Controller
class DashboardController {

    private final Dashboard dashboard;

    DashboardController(Dashboard dashboard) {
        this.dashboard = dashboard;
    }

    @GetMapping("/staff/dashboard")
    String dashboard(@AuthenticationPrincipal FiletPrincipal principal, Model model) {
        model.addAttribute("f", dashboard.of(principal.user().organisation()));
        return "referral/dashboard";
    }
}
