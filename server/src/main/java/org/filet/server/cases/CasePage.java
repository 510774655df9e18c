package org.filet.server.cases;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

import org.filet.server.evidence.CustodyLedger;
import org.filet.server.people.FiletPrincipal;
import org.filet.server.people.StaffUsers;

/**
 * The case page, as shown after a GET and after a refused action: a refusal is answered on the same page, with the
 * reason in the user's language and the HTTP status that says what happened, so nobody loses their place.
 */
@Component
public class CasePage {

    private static final Pattern NUMBER = Pattern.compile("/staff/cases/([^/]+)");

    private final Cases cases;
    private final StaffUsers users;
    private final CustodyLedger custody;
    private final ObjectProvider<CaseReferralView> referralViews;

    CasePage(Cases cases, StaffUsers users, CustodyLedger custody, ObjectProvider<CaseReferralView> referralViews) {
        this.cases = cases;
        this.users = users;
        this.custody = custody;
        this.referralViews = referralViews;
    }

    /** The case number in a request path under {@code /staff/cases/}. */
    public static Optional<String> numberIn(String path) {
        Matcher m = NUMBER.matcher(path == null ? "" : path);
        return m.find() ? Optional.of(java.net.URLDecoder.decode(m.group(1), java.nio.charset.StandardCharsets.UTF_8)) : Optional.empty();
    }

    /** The page of a case of the user's organisation, with a refusal to explain (a message key) or none. */
    public ModelAndView render(FiletPrincipal principal, String number, String refusalKey, HttpStatus status) {
        Cases.Case c = cases.find(principal.user().organisation(), number).orElseThrow(CaseProblems.CaseNotFound::new);
        ModelAndView model = new ModelAndView("cases/case");
        model.setStatus(status);
        List<Cases.Note> notes = cases.notes(c.id());
        List<Cases.Transition> transitions = cases.transitions(c.id());
        List<Cases.Task> tasks = cases.tasks(c.id());
        List<Cases.Snapshot> snapshots = cases.snapshots(c.id());
        List<String> actors = new java.util.ArrayList<>();
        actors.add("user:" + c.createdBy());
        if (c.approvedBy() != null) {
            actors.add("user:" + c.approvedBy());
        }
        if (c.assignedTo() != null) {
            actors.add("user:" + c.assignedTo());
        }
        notes.forEach(n -> actors.add("user:" + n.author()));
        transitions.forEach(t -> actors.add("user:" + t.by()));
        tasks.stream().filter(t -> t.assignee() != null).forEach(t -> actors.add("user:" + t.assignee()));
        snapshots.forEach(v -> actors.add("user:" + v.approvedBy()));
        boolean canApprove = principal.user().role().leads() && !principal.user().id().equals(c.createdBy());
        model.addObject("kase", c);
        model.addObject("reports", cases.reports(c.id()));
        model.addObject("notes", notes);
        model.addObject("transitions", transitions);
        model.addObject("custody", custody.history(Cases.subject(number)));
        model.addObject("tasks", tasks);
        model.addObject("names", users.names(actors));
        CaseReferralView referralView = referralViews.getIfAvailable();
        model.addObject("referral", referralView == null ? null : referralView.of(principal.user(), c));
        model.addObject("snapshots", snapshots);
        model.addObject("awaitsApproval", cases.awaitsApproval(c.id()));
        model.addObject("canApprove", canApprove);
        model.addObject("moves", c.status().next().stream().filter(s -> s != CaseStatus.APPROVED || canApprove).toList());
        model.addObject("refusal", refusalKey);
        return model;
    }
}
