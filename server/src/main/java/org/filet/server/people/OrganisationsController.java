package org.filet.server.people;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** {@code /admin/organisations}: an instance administrator lists and creates the organisations of the instance. */
@Controller
class OrganisationsController {

    private final Organisations organisations;
    private final PeopleAudit audit;

    OrganisationsController(Organisations organisations, PeopleAudit audit) {
        this.organisations = organisations;
        this.audit = audit;
    }

    @GetMapping("/admin/organisations")
    String list(@AuthenticationPrincipal FiletPrincipal principal, Model model) {
        instanceAdmin(principal);
        model.addAttribute("organisations", organisations.all());
        return "people/organisations";
    }

    @PostMapping("/admin/organisations")
    String create(
            @RequestParam(required = false) String name,
            @AuthenticationPrincipal FiletPrincipal principal,
            Model model,
            HttpServletResponse response) {
        instanceAdmin(principal);
        try {
            UUID id = organisations.create(name);
            audit.record(id, principal.user().id(), "organisation.created", null, null, Map.of("name", name.strip()));
            audit.record(
                    principal.user().organisation(),
                    principal.user().id(),
                    "organisation.created",
                    null,
                    null,
                    Map.of("name", name.strip()));
        } catch (IllegalArgumentException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("error", true);
            return list(principal, model);
        }
        return "redirect:/admin/organisations";
    }

    private static void instanceAdmin(FiletPrincipal principal) {
        if (principal.user().role() != Role.INSTANCE_ADMIN) {
            throw new ResponseStatusException(
                    HttpStatus.FORBIDDEN, "only an instance administrator manages organisations");
        }
    }
}
