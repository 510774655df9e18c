package org.filet.server.people;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/** {@code /admin/settings}: an administrator sets the organisation's urgency rules, picture matching and exposure budget. */
@Controller
class OrganisationSettingsController {

    private final OrganisationSettings settings;
    private final PeopleAudit audit;
    private final StaffUsers users;

    OrganisationSettingsController(OrganisationSettings settings, PeopleAudit audit, StaffUsers users) {
        this.settings = settings;
        this.audit = audit;
        this.users = users;
    }

    @GetMapping("/admin/settings")
    String form(@AuthenticationPrincipal FiletPrincipal principal, Model model) {
        java.util.UUID org = principal.user().organisation();
        model.addAttribute("s", settings.of(org));
        java.util.List<PeopleAudit.Entry> entries = audit.of(org, 100).stream()
                .filter(e -> e.action().equals("organisation.settings"))
                .toList();
        java.util.Map<String, String> names = new java.util.HashMap<>();
        users.namesIn(
                        org,
                        entries.stream()
                                .map(e -> "user:" + e.actor())
                                .distinct()
                                .toList())
                .forEach((k, v) -> names.put(k.substring(5), v));
        model.addAttribute("audit", entries);
        model.addAttribute("names", names);
        return "people/settings";
    }

    @PostMapping("/admin/settings")
    String save(
            @RequestParam(required = false) String urgentMeeting,
            @RequestParam(required = false) String urgentAddress,
            @RequestParam(required = false) String urgentWhereNow,
            @RequestParam(required = false) String urgentThreat,
            @RequestParam(required = false) String urgentSelfHarm,
            @RequestParam(required = false) Integer urgentChildBelow,
            @RequestParam(required = false) Integer matchDistance,
            @RequestParam(required = false) Integer dailyExposure,
            @AuthenticationPrincipal FiletPrincipal principal) {
        settings.save(
                principal.user().organisation(),
                new OrganisationSettings.Settings(
                        flag(urgentMeeting),
                        flag(urgentAddress),
                        flag(urgentWhereNow),
                        flag(urgentThreat),
                        flag(urgentSelfHarm),
                        urgentChildBelow,
                        matchDistance,
                        dailyExposure),
                principal.user().id());
        return "redirect:/admin/settings?saved";
    }

    /** A choice of default / on / off. */
    private static Boolean flag(String value) {
        return value == null || value.isBlank() ? null : Boolean.valueOf(value);
    }

    /** A setting out of bounds is said on the settings page, in the administrator's language. */
    @ExceptionHandler(IllegalArgumentException.class)
    ModelAndView bad(IllegalArgumentException e, @AuthenticationPrincipal FiletPrincipal principal) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        ExtendedModelMap model = new ExtendedModelMap();
        ModelAndView page = new ModelAndView(form(principal, model), model);
        page.addObject(
                "refusal",
                message.startsWith("match distance")
                        ? "settings.refused.matchDistance"
                        : message.startsWith("child age")
                                ? "settings.refused.childAge"
                                : message.startsWith("daily exposure")
                                        ? "settings.refused.dailyExposure"
                                        : "settings.refused.invalid");
        page.setStatus(HttpStatus.BAD_REQUEST);
        return page;
    }
}
