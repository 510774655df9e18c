package org.filet.server.retention;

import org.filet.server.people.FiletPrincipal;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

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
            throw new ResponseStatusException(HttpStatus.FORBIDDEN); // the error page, in the staff layout
        }
        model.addAttribute("policy", policies.of(user.organisation()));
        model.addAttribute("admin", user.role().administers());
        model.addAttribute("holds", holds.active(user.organisation()));
        model.addAttribute("history", holds.history(user.organisation()));
        return "retention/retention";
    }

    @PostMapping("/admin/retention")
    String save(
            @RequestParam(required = false) Integer closedUnreferredMonths,
            @RequestParam(required = false) Integer referredYears,
            @RequestParam(required = false) String contactOnClose,
            @AuthenticationPrincipal FiletPrincipal principal) {
        policies.save(
                principal.user().organisation(),
                new RetentionPolicies.Policy(closedUnreferredMonths, referredYears, contactOnClose != null),
                principal.user().id());
        return "redirect:/staff/retention?saved";
    }

    @PostMapping("/staff/retention/holds")
    String hold(
            @RequestParam String caseNumber,
            @RequestParam String reason,
            @RequestParam String action,
            @AuthenticationPrincipal FiletPrincipal principal) {
        if (action.equals("lift")) {
            holds.lift(principal.user(), caseNumber, reason);
        } else {
            holds.set(principal.user(), caseNumber, reason);
        }
        return "redirect:/staff/retention";
    }

    /** A refused hold is answered on the retention page, in the user's language. */
    @ExceptionHandler(LegalHolds.Refused.class)
    ModelAndView refused(LegalHolds.Refused e, @AuthenticationPrincipal FiletPrincipal principal) {
        return again(
                principal,
                e.key(),
                e.key().equals("retention.refused.notLead") ? HttpStatus.FORBIDDEN : HttpStatus.BAD_REQUEST);
    }

    /** A policy out of bounds: said on the same page. */
    @ExceptionHandler(IllegalArgumentException.class)
    ModelAndView bad(IllegalArgumentException e, @AuthenticationPrincipal FiletPrincipal principal) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        return again(
                principal,
                message.startsWith("referredYears")
                        ? "retention.refused.years"
                        : message.startsWith("closedUnreferredMonths")
                                ? "retention.refused.months"
                                : "retention.refused.invalid",
                HttpStatus.BAD_REQUEST);
    }

    private ModelAndView again(FiletPrincipal principal, String refusal, HttpStatus status) {
        if (principal == null || !principal.user().role().leads()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        ExtendedModelMap model = new ExtendedModelMap();
        ModelAndView page = new ModelAndView(page(principal, model), model);
        page.addObject("refusal", refusal);
        page.setStatus(status);
        return page;
    }
}
