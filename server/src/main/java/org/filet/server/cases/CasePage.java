package org.filet.server.cases;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.filet.server.evidence.CustodyLedger;
import org.filet.server.people.FiletPrincipal;
import org.filet.server.people.StaffUsers;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

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
    private final ObjectProvider<CaseEventSource> eventSources;
    private final MessageSource messages;

    CasePage(
            Cases cases,
            StaffUsers users,
            CustodyLedger custody,
            ObjectProvider<CaseReferralView> referralViews,
            ObjectProvider<CaseEventSource> eventSources,
            MessageSource messages) {
        this.eventSources = eventSources;
        this.messages = messages;
        this.cases = cases;
        this.users = users;
        this.custody = custody;
        this.referralViews = referralViews;
    }

    /** The case number in a request path under {@code /staff/cases/}. */
    public static Optional<String> numberIn(String path) {
        Matcher m = NUMBER.matcher(path == null ? "" : path);
        return m.find()
                ? Optional.of(java.net.URLDecoder.decode(m.group(1), java.nio.charset.StandardCharsets.UTF_8))
                : Optional.empty();
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
        boolean canApprove =
                principal.user().role().leads() && !principal.user().id().equals(c.createdBy());
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
        model.addObject(
                "moves",
                c.status().next().stream()
                        .filter(s -> s != CaseStatus.APPROVED || canApprove)
                        .toList());
        model.addObject("refusal", refusalKey);
        model.addObject("history", history(c));
        return model;
    }

    /** One line of the case history: when, who (name and role, when the record says), what happened in words. */
    public record HistoryLine(java.time.Instant at, String who, String role, String what) {}

    /** Every recorded event of the case, the case's own and its referral's, oldest first, in the reader's language. */
    List<HistoryLine> history(Cases.Case c) {
        List<CaseEvent> events = new java.util.ArrayList<>(cases.history(c));
        eventSources.orderedStream().forEach(source -> events.addAll(source.eventsOf(c)));
        events.sort(java.util.Comparator.comparing(CaseEvent::at));
        java.util.Set<String> actors = new java.util.HashSet<>();
        for (CaseEvent e : events) {
            if (e.actor() != null) {
                actors.add(e.actor());
            }
            e.args().stream().filter(a -> a.startsWith("user:")).forEach(actors::add);
        }
        java.util.Map<String, StaffUsers.Shown> shown = users.namesAndRoles(actors);
        java.util.Locale locale = LocaleContextHolder.getLocale();
        List<HistoryLine> lines = new java.util.ArrayList<>();
        for (CaseEvent e : events) {
            Object[] args = e.args().stream()
                    .map(a -> a.startsWith("msg:")
                            ? messages.getMessage(a.substring(4), null, a.substring(4), locale)
                            : a.startsWith("user:") && shown.containsKey(a)
                                    ? shown.get(a).name()
                                    : a)
                    .toArray();
            StaffUsers.Shown who = e.actor() == null ? null : shown.get(e.actor());
            String role = who == null || who.role() == null
                    ? null
                    : messages.getMessage("role." + who.role(), null, who.role(), locale);
            String name = who != null
                    ? who.name()
                    : e.actor() == null || e.actor().startsWith("user:")
                            ? messages.getMessage("case.event.unknown", null, "?", locale)
                            : messages.getMessage("case.event.platform", null, e.actor(), locale);
            lines.add(new HistoryLine(e.at(), name, role, messages.getMessage(e.key(), args, e.key(), locale)));
        }
        return lines;
    }
}
