package org.filet.server.retention;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import org.filet.server.people.FiletPrincipal;

/**
 * {@code /staff/retention}: the organisation's retention periods (changed by an administrator at
 * {@code /admin/retention}) and its legal holds (set and lifted by a lead or an administrator).
 */
@Controller
class RetentionController {

    private final RetentionPolicies policies;
    private final LegalHolds holds;

    RetentionController(RetentionPolicies policies, LegalHolds holds) {
        this.policies = policies;
        this.holds = holds;
    }

    @GetMapping("/staff/retention")
    String page(@AuthenticationPrincipal FiletPrincipal principal, Model model) {
        var user = principal.user();
        if (!user.role().leads()) {
            throw new LegalHolds.Refused("only a lead or an administrator sees retention and legal holds");
        }
        model.addAttribute("policy", policies.of(user.organisation()));
        model.addAttribute("admin", user.role().administers());
        model.addAttribute("holds", holds.active(user.organisation()));
        model.addAttribute("history", holds.history(user.organisation()));
        return "retention/retention";
    }

    @PostMapping("/admin/retention")
    String save(@RequestParam(required = false) Integer closedUnreferredMonths,
                @RequestParam(required = false) Integer referredYears,
                @RequestParam(required = false) String contactOnClose,
                @AuthenticationPrincipal FiletPrincipal principal) {
        policies.save(principal.user().organisation(), new RetentionPolicies.Policy(closedUnreferredMonths, referredYears,
                contactOnClose != null), principal.user().id());
        return "redirect:/staff/retention?saved";
    }

    @PostMapping("/staff/retention/holds")
    String hold(@RequestParam String caseNumber, @RequestParam String reason, @RequestParam String action,
                @AuthenticationPrincipal FiletPrincipal principal) {
        if (action.equals("lift")) {
            holds.lift(principal.user(), caseNumber, reason);
        } else {
            holds.set(principal.user(), caseNumber, reason);
        }
        return "redirect:/staff/retention";
    }

    @ExceptionHandler(LegalHolds.Refused.class)
    ResponseEntity<String> refused(LegalHolds.Refused e) {
        HttpStatus status = e.getMessage().startsWith("only") ? HttpStatus.FORBIDDEN : HttpStatus.BAD_REQUEST;
        return ResponseEntity.status(status).contentType(MediaType.TEXT_PLAIN).body(e.getMessage());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<String> bad(IllegalArgumentException e) {
        return ResponseEntity.badRequest().contentType(MediaType.TEXT_PLAIN).body(e.getMessage());
    }
}
