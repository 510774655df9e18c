package org.filet.server.people;

import java.util.UUID;
import org.filet.server.support.FiletSettings;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** One-time links: the first administrator's set-up, and a new user's first password. */
@Controller
class SetupController {

    private final StaffUsers users;
    private final Organisations organisations;
    private final FiletSettings settings;

    SetupController(StaffUsers users, Organisations organisations, FiletSettings settings) {
        this.users = users;
        this.organisations = organisations;
        this.settings = settings;
    }

    @GetMapping("/setup/{token}")
    String form(@PathVariable String token, Model model) {
        StaffUsers.LinkToken link = users.findLinkToken(token)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "link unknown, used or expired"));
        model.addAttribute("token", token);
        model.addAttribute("firstAdmin", link.isFirstAdmin());
        model.addAttribute("organisation", settings.organisation());
        return "people/setup";
    }

    @PostMapping("/setup/{token}")
    @Transactional
    String submit(
            @PathVariable String token,
            @RequestParam(required = false) String email,
            @RequestParam(required = false) String displayName,
            @RequestParam String password,
            Model model) {
        StaffUsers.LinkToken link = users.findLinkToken(token)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "link unknown, used or expired"));
        model.addAttribute("token", token);
        model.addAttribute("firstAdmin", link.isFirstAdmin());
        model.addAttribute("organisation", settings.organisation());
        try {
            PasswordPolicy.check(password);
            UUID userId = link.user();
            if (link.isFirstAdmin()) {
                UUID org = organisations.receiving(settings.organisation());
                userId = users.create(org, email, displayName, Role.INSTANCE_ADMIN)
                        .id();
            }
            if (!users.consumeLinkToken(link)) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND, "link already used");
            }
            users.setPassword(userId, password);
        } catch (PasswordPolicy.WeakPassword e) {
            model.addAttribute("error", e.messageKey());
            return "people/setup";
        } catch (IllegalArgumentException e) {
            model.addAttribute("error", "setup.error.email");
            return "people/setup";
        }
        return "redirect:/login?ready";
    }
}
