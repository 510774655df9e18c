package org.filet.server.people;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

/**
 * {@code /admin/users}: an organisation's administrators invite people, set their roles, deactivate them, reset their
 * second factors and record their vetting. Only their own organisation's members are visible to them; every change is
 * recorded in the audit with before and after.
 */
@Controller
class AdminUsersController {

    private final StaffUsers users;
    private final Invitations invitations;
    private final SecondFactors factors;
    private final Vetting vetting;
    private final PeopleAudit audit;
    private final Exposure exposure;

    private final OpenSessions sessions;

    AdminUsersController(
            StaffUsers users,
            Invitations invitations,
            SecondFactors factors,
            Vetting vetting,
            PeopleAudit audit,
            Exposure exposure,
            OpenSessions sessions) {
        this.sessions = sessions;
        this.users = users;
        this.invitations = invitations;
        this.factors = factors;
        this.vetting = vetting;
        this.audit = audit;
        this.exposure = exposure;
    }

    /** One line of the team list. */
    record Row(StaffUsers.Member member, SecondFactors.Enrolled factors, boolean vetted) {}

    @GetMapping("/admin/users")
    String list(@AuthenticationPrincipal FiletPrincipal principal, Model model) {
        UUID org = principal.user().organisation();
        model.addAttribute(
                "rows",
                users.members(org).stream()
                        .map(m -> new Row(m, factors.of(m.user()), vetting.cleared(m.user())))
                        .toList());
        model.addAttribute("roles", invitable(principal));
        List<PeopleAudit.Entry> entries = audit.of(org, 100);
        model.addAttribute("audit", entries);
        model.addAttribute("names", names(org, entries));
        return "people/users";
    }

    @PostMapping("/admin/users")
    String invite(
            @RequestParam(required = false) String email,
            @RequestParam(required = false) String displayName,
            @RequestParam(required = false) String role,
            @AuthenticationPrincipal FiletPrincipal principal,
            Model model,
            HttpServletResponse response) {
        Role parsed;
        try {
            parsed = Role.parse(role);
        } catch (IllegalArgumentException e) {
            parsed = null;
        }
        if (parsed == null || !invitable(principal).contains(parsed)) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("error", "admin.users.error.role");
            return list(principal, model);
        }
        try {
            Invitations.Invitation invitation = invitations.invite(
                    principal.user().organisation(),
                    email,
                    displayName,
                    parsed,
                    principal.user().id());
            model.addAttribute("invited", invitation);
        } catch (IllegalArgumentException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("error", "admin.users.error.email");
        }
        return list(principal, model);
    }

    @GetMapping("/admin/users/{id}")
    String show(@PathVariable String id, @AuthenticationPrincipal FiletPrincipal principal, Model model) {
        StaffUsers.Member member = member(principal, id);
        UUID org = principal.user().organisation();
        model.addAttribute("member", member);
        model.addAttribute("factors", factors.of(member.user()));
        model.addAttribute("checks", vetting.of(member.user().id()));
        model.addAttribute("missing", vetting.missing(member.user().id()));
        model.addAttribute("kinds", Vetting.Kind.values());
        model.addAttribute("roles", invitable(principal));
        model.addAttribute("self", member.user().id().equals(principal.user().id()));
        model.addAttribute("exposure", exposure.of(member.user()));
        List<PeopleAudit.Entry> entries = audit.about(org, member.user().id());
        model.addAttribute("audit", entries);
        Map<String, String> names = names(org, entries);
        vetting.of(member.user().id())
                .forEach(c -> names.putAll(users.namesIn(org, List.of("user:" + c.recordedBy())).entrySet().stream()
                        .collect(Collectors.toMap(e -> e.getKey().substring(5), Map.Entry::getValue))));
        model.addAttribute("names", names);
        model.addAttribute("today", LocalDate.now());
        return "people/user";
    }

    @PostMapping("/admin/users/{id}/role")
    String setRole(
            @PathVariable String id,
            @RequestParam(required = false) String role,
            @AuthenticationPrincipal FiletPrincipal principal) {
        StaffUsers.Member member = member(principal, id);
        notSelf(principal, member);
        Role parsed;
        try {
            parsed = Role.parse(role);
        } catch (IllegalArgumentException e) {
            throw new Refused("users.refused.unknownRole");
        }
        if (!invitable(principal).contains(parsed)
                || member.user().role() == Role.AUTHORITY
                || (member.user().role() == Role.INSTANCE_ADMIN
                        && principal.user().role() != Role.INSTANCE_ADMIN)) {
            throw new Refused("users.refused.roleNotYours");
        }
        if (parsed != member.user().role()) {
            users.setRole(member.user().id(), parsed);
            audit.record(
                    member.user().organisation(),
                    principal.user().id(),
                    "user.role",
                    member.user().id(),
                    Map.of("role", member.user().role().dbValue()),
                    Map.of("role", parsed.dbValue()));
        }
        return "redirect:/admin/users/" + member.user().id();
    }

    @PostMapping("/admin/users/{id}/active")
    String setActive(
            @PathVariable String id,
            @RequestParam(required = false) String active,
            @AuthenticationPrincipal FiletPrincipal principal) {
        StaffUsers.Member member = member(principal, id);
        notSelf(principal, member);
        boolean enabled = Boolean.parseBoolean(active);
        if (enabled != member.enabled()) {
            users.setEnabled(member.user().id(), enabled);
            if (!enabled) {
                sessions.endAll(member.user().email()); // logged out everywhere now, not when the session expires
            }
            audit.record(
                    member.user().organisation(),
                    principal.user().id(),
                    "user.enabled",
                    member.user().id(),
                    Map.of("enabled", member.enabled()),
                    Map.of("enabled", enabled));
        }
        return "redirect:/admin/users/" + member.user().id();
    }

    @PostMapping("/admin/users/{id}/factors/reset")
    String resetFactors(@PathVariable String id, @AuthenticationPrincipal FiletPrincipal principal) {
        StaffUsers.Member member = member(principal, id);
        factors.reset(member.user(), principal.user().id());
        return "redirect:/admin/users/" + member.user().id() + "?reset";
    }

    @PostMapping("/admin/users/{id}/vetting")
    String recordVetting(
            @PathVariable String id,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String doneOn,
            @RequestParam(required = false) String checkedBy,
            @RequestParam(required = false) String note,
            @AuthenticationPrincipal FiletPrincipal principal) {
        StaffUsers.Member member = member(principal, id);
        try {
            vetting.record(
                    member.user(),
                    Vetting.Kind.parse(kind == null ? "" : kind),
                    doneOn == null ? null : LocalDate.parse(doneOn),
                    checkedBy,
                    note,
                    principal.user().id());
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new Refused(
                    e instanceof DateTimeParseException ? "users.refused.vettingDate" : "users.refused.vetting");
        }
        return "redirect:/admin/users/" + member.user().id();
    }

    /** A change refused: said on the user's page, in the administrator's language ({@link #key} names the message). */
    static final class Refused extends RuntimeException {
        private final String key;

        Refused(String key) {
            super(key);
            this.key = key;
        }
    }

    @ExceptionHandler(Refused.class)
    ModelAndView refused(Refused e, HttpServletRequest request, @AuthenticationPrincipal FiletPrincipal principal) {
        Matcher user = USER_PAGE.matcher(request.getRequestURI());
        if (principal == null || !user.find()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        ExtendedModelMap model = new ExtendedModelMap();
        ModelAndView page = new ModelAndView(show(user.group(1), principal, model), model);
        page.addObject("refusal", e.key);
        page.setStatus(HttpStatus.BAD_REQUEST);
        return page;
    }

    private static final Pattern USER_PAGE = Pattern.compile("/admin/users/([0-9a-fA-F-]{36})(/|$)");

    /** The roles this administrator may give: an instance administrator may also make instance administrators. */
    private static List<Role> invitable(FiletPrincipal principal) {
        return principal.user().role() == Role.INSTANCE_ADMIN
                ? List.of(Role.ANALYST, Role.LEAD, Role.ADMIN, Role.INSTANCE_ADMIN)
                : List.of(Role.ANALYST, Role.LEAD, Role.ADMIN);
    }

    private StaffUsers.Member member(FiletPrincipal principal, String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return users.member(principal.user().organisation(), uuid)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static void notSelf(FiletPrincipal principal, StaffUsers.Member member) {
        if (member.user().id().equals(principal.user().id())) {
            throw new Refused("users.refused.self");
        }
    }

    /** Display names of the actors and targets in the entries, by user id. */
    private Map<String, String> names(UUID org, List<PeopleAudit.Entry> entries) {
        List<String> actors = entries.stream()
                .flatMap(e -> java.util.stream.Stream.of(e.actor(), e.target()))
                .filter(java.util.Objects::nonNull)
                .map(u -> "user:" + u)
                .distinct()
                .toList();
        Map<String, String> names = new HashMap<>();
        users.namesIn(org, actors).forEach((k, v) -> names.put(k.substring(5), v));
        return names;
    }
}
