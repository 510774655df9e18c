package org.filet.server.workspace;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.filet.server.intake.Reports;
import org.filet.server.people.FiletPrincipal;
import org.filet.server.people.Role;
import org.filet.server.people.StaffUser;
import org.filet.server.people.StaffUsers;
import org.filet.server.support.JobRunner;
import org.filet.server.support.Jobs;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /admin/jobs}: the analyses given up after their last attempt (what, on which report, why, when), and a
 * button to run one again; who asked is recorded with the job. An organisation's administrator sees the jobs of its
 * reports; an instance administrator sees them all.
 */
@Controller
class AdminJobsController {

    static final int ERROR_CHARS = 300;

    private final Jobs jobs;
    private final JobRunner runner;
    private final Reports reports;
    private final StaffUsers users;

    AdminJobsController(Jobs jobs, JobRunner runner, Reports reports, StaffUsers users) {
        this.jobs = jobs;
        this.runner = runner;
        this.reports = reports;
        this.users = users;
    }

    /** One line of the list: the job, the report it is about (null when it is about no report), who retried it. */
    record Row(Jobs.FailedJob job, String receipt, String error, List<String> retriedBy) {}

    @GetMapping("/admin/jobs")
    String list(@AuthenticationPrincipal FiletPrincipal principal, Model model) {
        List<Row> rows = new ArrayList<>();
        for (Jobs.FailedJob job : jobs.failed(500)) {
            Optional<String> receipt = visibleReceipt(principal.user(), job);
            if (receipt.isEmpty() && principal.user().role() != Role.INSTANCE_ADMIN) {
                continue;
            }
            Map<String, String> names = users.namesIn(
                    principal.user().organisation(),
                    job.retries().stream().map(r -> "user:" + r.by()).toList());
            rows.add(new Row(
                    job,
                    receipt.orElse(null),
                    trimmed(job.error()),
                    job.retries().stream()
                            .map(r -> names.getOrDefault("user:" + r.by(), "—"))
                            .toList()));
        }
        model.addAttribute("rows", rows);
        return "workspace/jobs";
    }

    @PostMapping("/admin/jobs/{id}/retry")
    String retry(@PathVariable long id, @AuthenticationPrincipal FiletPrincipal principal) {
        Jobs.FailedJob job = jobs.failedJob(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (visibleReceipt(principal.user(), job).isEmpty() && principal.user().role() != Role.INSTANCE_ADMIN) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        if (jobs.retry(id, principal.user().id())) {
            runner.nudge();
        }
        return "redirect:/admin/jobs?retried=" + id;
    }

    /** The receipt of the report a job is about, when that report belongs to the user's organisation. */
    private Optional<String> visibleReceipt(StaffUser user, Jobs.FailedJob job) {
        UUID report;
        try {
            report = UUID.fromString(job.subject());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (reports.organisationOf(report).filter(user.organisation()::equals).isEmpty()) {
            return Optional.empty();
        }
        return reports.receiptOf(report);
    }

    /** The error as recorded (type and message, never a stack trace), cut to a line a page can show. */
    static String trimmed(String error) {
        if (error == null) {
            return "";
        }
        String line = error.strip().replaceAll("\\s+", " ");
        return line.length() <= ERROR_CHARS ? line : line.substring(0, ERROR_CHARS - 1) + "…";
    }
}
