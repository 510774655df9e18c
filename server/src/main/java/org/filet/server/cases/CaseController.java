package org.filet.server.cases;

import java.util.Arrays;
import java.util.List;

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

import org.filet.server.evidence.CustodyLedger;
import org.filet.server.people.FiletPrincipal;
import org.filet.server.people.StaffUsers;

/** The case pages of an organisation's staff. */
@Controller
class CaseController {

    private final Cases cases;
    private final StaffUsers users;
    private final CustodyLedger custody;

    private final java.util.function.BiFunction<FiletPrincipal, Cases.Case, Object> referralView;

    CaseController(Cases cases, StaffUsers users, CustodyLedger custody,
                   org.springframework.beans.factory.ObjectProvider<CaseReferralView> referralViews) {
        this.referralView = (p, c) -> referralViews.getIfAvailable() == null ? null : referralViews.getObject().of(p.user(), c);
        this.cases = cases;
        this.users = users;
        this.custody = custody;
    }

    @GetMapping("/staff/cases")
    String list(@AuthenticationPrincipal FiletPrincipal principal, Model model) {
        model.addAttribute("cases", cases.list(principal.user().organisation()));
        return "cases/list";
    }

    @PostMapping("/staff/cases")
    String open(@RequestParam String title, @RequestParam(required = false) String receipts,
                @AuthenticationPrincipal FiletPrincipal principal) {
        List<String> list = receipts == null ? List.of()
                : Arrays.stream(receipts.split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
        Cases.Case c = cases.open(principal.user(), title, list);
        return "redirect:/staff/cases/" + c.number();
    }

    @GetMapping("/staff/cases/{number}")
    String page(@PathVariable String number, @AuthenticationPrincipal FiletPrincipal principal, Model model) {
        Cases.Case c = cases.find(principal.user().organisation(), number).orElseThrow(CaseProblems.CaseNotFound::new);
        List<Cases.Note> notes = cases.notes(c.id());
        List<Cases.Transition> transitions = cases.transitions(c.id());
        List<String> actors = new java.util.ArrayList<>();
        actors.add("user:" + c.createdBy());
        if (c.approvedBy() != null) {
            actors.add("user:" + c.approvedBy());
        }
        notes.forEach(n -> actors.add("user:" + n.author()));
        transitions.forEach(t -> actors.add("user:" + t.by()));
        model.addAttribute("kase", c);
        model.addAttribute("reports", cases.reports(c.id()));
        model.addAttribute("notes", notes);
        model.addAttribute("transitions", transitions);
        model.addAttribute("custody", custody.history(Cases.subject(number)));
        List<Cases.Task> tasks = cases.tasks(c.id());
        model.addAttribute("tasks", tasks);
        tasks.stream().filter(t -> t.assignee() != null).forEach(t -> actors.add("user:" + t.assignee()));
        if (c.assignedTo() != null) {
            actors.add("user:" + c.assignedTo());
        }
        model.addAttribute("names", users.names(actors));
        model.addAttribute("referral", referralView.apply(principal, c));
        return "cases/case";
    }

    @PostMapping("/staff/cases/{number}/reports")
    String addReport(@PathVariable String number, @RequestParam String receipt, @AuthenticationPrincipal FiletPrincipal principal) {
        cases.addReport(principal.user(), number, receipt.strip());
        return "redirect:/staff/cases/" + number;
    }

    @PostMapping("/staff/cases/{number}/tasks")
    String task(@PathVariable String number, @RequestParam String title, @RequestParam(required = false) String assignee,
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
    String assign(@PathVariable String number, @RequestParam String email, @AuthenticationPrincipal FiletPrincipal principal) {
        cases.assign(principal.user(), number, email);
        return "redirect:/staff/cases/" + number;
    }

    @PostMapping("/staff/cases/{number}/notes")
    String note(@PathVariable String number, @RequestParam String body,
                @RequestParam(name = "forAuthority", defaultValue = "false") boolean forAuthority,
                @AuthenticationPrincipal FiletPrincipal principal) {
        cases.note(principal.user(), number, body, forAuthority);
        return "redirect:/staff/cases/" + number;
    }

    @PostMapping("/staff/cases/{number}/status")
    String move(@PathVariable String number, @RequestParam String status, @RequestParam(required = false) String note,
                @AuthenticationPrincipal FiletPrincipal principal) {
        cases.move(principal.user(), number, CaseStatus.parse(status), note == null || note.isBlank() ? null : note.strip());
        return "redirect:/staff/cases/" + number;
    }

    @ExceptionHandler(CaseProblems.CaseNotFound.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound() {
        return "error";
    }

    @ExceptionHandler(CaseProblems.FourEyesRequired.class)
    org.springframework.http.ResponseEntity<String> fourEyes(CaseProblems.FourEyesRequired e) {
        return plain(HttpStatus.FORBIDDEN, e.getMessage());
    }

    @ExceptionHandler(CaseProblems.TransitionNotAllowed.class)
    org.springframework.http.ResponseEntity<String> transition(CaseProblems.TransitionNotAllowed e) {
        return plain(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    org.springframework.http.ResponseEntity<String> bad(IllegalArgumentException e) {
        return plain(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    private static org.springframework.http.ResponseEntity<String> plain(HttpStatus status, String message) {
        return org.springframework.http.ResponseEntity.status(status)
                .contentType(org.springframework.http.MediaType.TEXT_PLAIN).body(message);
    }
}
