package org.filet.server.cases;

import java.util.Arrays;
import java.util.List;
import org.filet.server.people.FiletPrincipal;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The case pages of an organisation's staff. */
@Controller
class CaseController {

    private final Cases cases;
    private final CasePage page;

    CaseController(Cases cases, CasePage page) {
        this.cases = cases;
        this.page = page;
    }

    @GetMapping("/staff/cases")
    String list(@AuthenticationPrincipal FiletPrincipal principal, Model model) {
        model.addAttribute("cases", cases.list(principal.user().organisation()));
        return "cases/list";
    }

    @PostMapping("/staff/cases")
    String open(
            @RequestParam String title,
            @RequestParam(required = false) String receipts,
            @AuthenticationPrincipal FiletPrincipal principal) {
        List<String> list = receipts == null
                ? List.of()
                : Arrays.stream(receipts.split("[,\\s]+"))
                        .filter(s -> !s.isBlank())
                        .toList();
        Cases.Case c = cases.open(principal.user(), title, list);
        return "redirect:/staff/cases/" + c.number();
    }

    /**
     * From a report page: opens a case with the report and the linked reports the analyst ticked, or adds them to one
     * of the organisation's cases. Only the chosen reports join. A refusal goes back to the report page with its reason.
     */
    @PostMapping("/staff/cases/from-report")
    String fromReport(
            @RequestParam String receipt,
            @RequestParam(name = "receipts", required = false) List<String> chosen,
            @RequestParam(defaultValue = "open") String action,
            @RequestParam(required = false) String title,
            @RequestParam(name = "case", required = false) String number,
            @AuthenticationPrincipal FiletPrincipal principal,
            org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
        java.util.LinkedHashSet<String> receipts = new java.util.LinkedHashSet<>();
        receipts.add(receipt.strip());
        if (chosen != null) {
            chosen.stream().map(String::strip).filter(s -> !s.isEmpty()).forEach(receipts::add);
        }
        try {
            if ("add".equals(action)) {
                if (number == null || number.isBlank()) {
                    throw new CaseProblems.Invalid("case.refused.choose-case", "choose the case to add the reports to");
                }
                for (String r : receipts) {
                    cases.addReport(principal.user(), number.strip(), r);
                }
                return "redirect:/staff/cases/" + number.strip();
            }
            Cases.Case c = cases.open(principal.user(), title, List.copyOf(receipts));
            return "redirect:/staff/cases/" + c.number();
        } catch (CaseProblems.Invalid | CaseProblems.CaseNotFound e) {
            redirect.addFlashAttribute(
                    "caseRefusal", e instanceof CaseProblems.Invalid x ? x.key() : "case.refused.choose-case");
            return "redirect:/staff/reports/"
                    + java.net.URLEncoder.encode(receipt.strip(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @GetMapping("/staff/cases/{number}")
    org.springframework.web.servlet.ModelAndView page(
            @PathVariable String number, @AuthenticationPrincipal FiletPrincipal principal) {
        return page.render(principal, number, null, HttpStatus.OK);
    }

    @PostMapping("/staff/cases/{number}/reports")
    String addReport(
            @PathVariable String number,
            @RequestParam String receipt,
            @AuthenticationPrincipal FiletPrincipal principal) {
        for (String one : receipt.split("[,\\s]+")) {
            if (!one.isBlank()) {
                cases.addReport(principal.user(), number, one.strip());
            }
        }
        return "redirect:/staff/cases/" + number;
    }

    @PostMapping("/staff/cases/{number}/reports/{receipt}/remove")
    String removeReport(
            @PathVariable String number,
            @PathVariable String receipt,
            @AuthenticationPrincipal FiletPrincipal principal) {
        cases.removeReport(principal.user(), number, receipt.strip());
        return "redirect:/staff/cases/" + number;
    }

    @PostMapping("/staff/cases/{number}/tasks")
    String task(
            @PathVariable String number,
            @RequestParam String title,
            @RequestParam(required = false) String assignee,
            @AuthenticationPrincipal FiletPrincipal principal) {
        cases.addTask(principal.user(), number, title, assignee);
        return "redirect:/staff/cases/" + number;
    }

    @PostMapping("/staff/cases/{number}/tasks/{id}/done")
    String done(@PathVariable String number, @PathVariable long id, @AuthenticationPrincipal FiletPrincipal principal) {
        cases.completeTask(principal.user(), number, id);
        return "redirect:/staff/cases/" + number;
    }

    @PostMapping("/staff/cases/{number}/assignee")
    String assign(
            @PathVariable String number,
            @RequestParam String email,
            @AuthenticationPrincipal FiletPrincipal principal) {
        cases.assign(principal.user(), number, email);
        return "redirect:/staff/cases/" + number;
    }

    @PostMapping("/staff/cases/{number}/notes")
    String note(
            @PathVariable String number,
            @RequestParam String body,
            @RequestParam(name = "forAuthority", defaultValue = "false") boolean forAuthority,
            @AuthenticationPrincipal FiletPrincipal principal) {
        cases.note(principal.user(), number, body, forAuthority);
        return "redirect:/staff/cases/" + number;
    }

    @PostMapping("/staff/cases/{number}/status")
    String move(
            @PathVariable String number,
            @RequestParam String status,
            @RequestParam(required = false) String note,
            @AuthenticationPrincipal FiletPrincipal principal) {
        cases.move(
                principal.user(),
                number,
                CaseStatus.parse(status),
                note == null || note.isBlank() ? null : note.strip());
        return "redirect:/staff/cases/" + number;
    }

    @ExceptionHandler(CaseProblems.CaseNotFound.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound() {
        return "error";
    }

    @ExceptionHandler({
        CaseProblems.FourEyesRequired.class,
        CaseProblems.TransitionNotAllowed.class,
        IllegalArgumentException.class
    })
    org.springframework.web.servlet.ModelAndView refused(
            RuntimeException e,
            jakarta.servlet.http.HttpServletRequest request,
            @AuthenticationPrincipal FiletPrincipal principal) {
        HttpStatus status = e instanceof CaseProblems.FourEyesRequired
                ? HttpStatus.FORBIDDEN
                : e instanceof CaseProblems.TransitionNotAllowed ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST;
        String key = e instanceof CaseProblems.Explained x ? x.key() : "case.refused.invalid";
        java.util.Optional<String> number = CasePage.numberIn(request.getRequestURI());
        if (number.isEmpty() || principal == null) {
            org.springframework.web.servlet.ModelAndView error =
                    new org.springframework.web.servlet.ModelAndView("error");
            error.addObject("status", status.value());
            error.setStatus(status);
            return error;
        }
        return page.render(principal, number.get(), key, status);
    }
}
