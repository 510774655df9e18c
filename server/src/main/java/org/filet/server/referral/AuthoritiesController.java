package org.filet.server.referral;

import java.util.Arrays;
import java.util.List;
import org.filet.server.people.FiletPrincipal;
import org.filet.server.people.Role;
import org.filet.server.people.StaffUser;
import org.filet.server.people.StaffUsers;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /admin/authorities}: the directory of competent authorities is the platform's. Instance administrators edit
 * it (every change recorded with before and after); organisation administrators read it and propose changes, which
 * are recorded and shown to the instance administrators. The change history names people only to those allowed to
 * know them: instance administrators, and an organisation's administrators for their own colleagues.
 */
@Controller
class AuthoritiesController {

    private final Authorities authorities;
    private final StaffUsers users;

    AuthoritiesController(Authorities authorities, StaffUsers users) {
        this.authorities = authorities;
        this.users = users;
    }

    @GetMapping("/admin/authorities")
    String list(@AuthenticationPrincipal FiletPrincipal principal, Model model) {
        model.addAttribute("authorities", authorities.all());
        model.addAttribute("instanceAdmin", instanceAdmin(principal.user()));
        model.addAttribute("openProposals", instanceAdmin(principal.user()) ? authorities.openProposals() : 0L);
        return "referral/authorities";
    }

    @GetMapping("/admin/authorities/{code}")
    String edit(@PathVariable String code, @AuthenticationPrincipal FiletPrincipal principal, Model model) {
        return page(code, principal.user(), model, null);
    }

    @PostMapping("/admin/authorities/{code}")
    String save(
            @PathVariable String code,
            @RequestParam String name,
            @RequestParam String countries,
            @RequestParam String languages,
            @RequestParam String receives,
            @RequestParam String urgent,
            @RequestParam int priority,
            @AuthenticationPrincipal FiletPrincipal principal,
            Model model,
            jakarta.servlet.http.HttpServletResponse response) {
        StaffUser user = principal.user();
        if (!instanceAdmin(user)) {
            response.setStatus(403);
            return page(code, user, model, "authorities.error.instance-admin-only");
        }
        Authorities.Authority before = known(code);
        try {
            authorities.update(
                    user.id(),
                    new Authorities.Authority(
                            before.code(),
                            name.strip(),
                            countries(countries),
                            split(languages),
                            receives.strip(),
                            urgent.strip(),
                            priority,
                            before.source()));
        } catch (IllegalArgumentException e) {
            response.setStatus(400);
            return page(code, user, model, "authorities.error.invalid");
        }
        return "redirect:/admin/authorities/" + before.code() + "?saved";
    }

    @PostMapping("/admin/authorities/{code}/proposals")
    String propose(
            @PathVariable String code,
            @RequestParam String name,
            @RequestParam String countries,
            @RequestParam String languages,
            @RequestParam String receives,
            @RequestParam String urgent,
            @RequestParam int priority,
            @RequestParam(required = false) String reason,
            @AuthenticationPrincipal FiletPrincipal principal,
            Model model,
            jakarta.servlet.http.HttpServletResponse response) {
        Authorities.Authority before = known(code);
        try {
            authorities.propose(
                    principal.user(),
                    new Authorities.Authority(
                            before.code(),
                            name.strip(),
                            countries(countries),
                            split(languages),
                            receives.strip(),
                            urgent.strip(),
                            priority,
                            before.source()),
                    reason);
        } catch (IllegalArgumentException e) {
            response.setStatus(400);
            return page(
                    code,
                    principal.user(),
                    model,
                    reason == null || reason.isBlank() ? "authorities.error.reason" : "authorities.error.invalid");
        }
        return "redirect:/admin/authorities/" + before.code() + "?proposed";
    }

    @PostMapping("/admin/authorities/{code}/proposals/{id}")
    String decide(
            @PathVariable String code,
            @PathVariable long id,
            @RequestParam String decision,
            @AuthenticationPrincipal FiletPrincipal principal,
            Model model,
            jakarta.servlet.http.HttpServletResponse response) {
        StaffUser user = principal.user();
        if (!instanceAdmin(user)) {
            response.setStatus(403);
            return page(code, user, model, "authorities.error.instance-admin-only");
        }
        try {
            authorities.decide(user.id(), known(code).code(), id, "apply".equals(decision));
        } catch (IllegalArgumentException e) {
            response.setStatus(400);
            return page(code, user, model, "authorities.error.proposal");
        }
        return "redirect:/admin/authorities/" + code;
    }

    private String page(String code, StaffUser user, Model model, String error) {
        Authorities.Authority a = known(code);
        boolean instanceAdmin = instanceAdmin(user);
        List<Authorities.Change> changes = authorities.changes(a.code());
        List<Authorities.ChangeProposal> proposals =
                authorities.proposals(a.code(), instanceAdmin ? null : user.organisation());
        List<String> actors = new java.util.ArrayList<>();
        changes.forEach(c -> actors.add(c.actor()));
        proposals.forEach(p -> actors.add(p.proposedBy()));
        model.addAttribute("a", a);
        model.addAttribute("instanceAdmin", instanceAdmin);
        model.addAttribute("changes", changes);
        model.addAttribute("proposals", proposals);
        model.addAttribute("names", instanceAdmin ? users.names(actors) : users.namesIn(user.organisation(), actors));
        model.addAttribute("error", error);
        return "referral/authority";
    }

    private Authorities.Authority known(String code) {
        return authorities
                .find(code == null ? "" : code.strip().toLowerCase(java.util.Locale.ROOT))
                .orElseThrow(() -> new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND));
    }

    private static boolean instanceAdmin(StaffUser user) {
        return user.role() == Role.INSTANCE_ADMIN;
    }

    private static List<String> split(String s) {
        return Arrays.stream(s.split("[,\\s]+"))
                .map(String::strip)
                .filter(x -> !x.isEmpty())
                .toList();
    }

    private static List<String> countries(String s) {
        return split(s).stream().map(x -> x.toUpperCase(java.util.Locale.ROOT)).toList();
    }
}
