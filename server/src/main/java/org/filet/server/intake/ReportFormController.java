package org.filet.server.intake;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.filet.server.web.EmergencyGuidance;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The public pages: the report form, its confirmation (receipt and access code, shown once), the status page. */
@Controller
class ReportFormController {

    static final List<String> COUNTRIES =
            List.of("FR", "BE", "CH", "LU", "MU", "CA", "US", "GB", "DE", "NL", "IT", "ES");
    static final List<String> PLATFORMS = List.of(
            "Snapchat",
            "Instagram",
            "TikTok",
            "WhatsApp",
            "Messenger",
            "Facebook",
            "Discord",
            "Telegram",
            "Roblox",
            "Fortnite",
            "X",
            "YouTube",
            "Twitch",
            "Kik",
            "Signal",
            "SMS");

    private final Intake intake;
    private final Reports reports;
    private final SubmissionReader reader;
    private final EmergencyGuidance guidance;
    private final UrgencyCheck urgency;
    private final IntakeSettings settings;
    private final org.springframework.beans.factory.ObjectProvider<org.springframework.mail.javamail.JavaMailSender>
            mail;
    private final AccessCodeGuard guard;
    private final IntakeLimit limit;
    private final org.springframework.context.MessageSource messages;

    ReportFormController(
            Intake intake,
            Reports reports,
            SubmissionReader reader,
            EmergencyGuidance guidance,
            UrgencyCheck urgency,
            IntakeSettings settings,
            org.springframework.beans.factory.ObjectProvider<org.springframework.mail.javamail.JavaMailSender> mail,
            AccessCodeGuard guard,
            IntakeLimit limit,
            org.springframework.context.MessageSource messages) {
        this.messages = messages;
        this.guard = guard;
        this.limit = limit;
        this.urgency = urgency;
        this.settings = settings;
        this.mail = mail;
        this.intake = intake;
        this.reports = reports;
        this.reader = reader;
        this.guidance = guidance;
    }

    @ModelAttribute
    void common(Model model) {
        model.addAttribute("countries", COUNTRIES);
        model.addAttribute("platforms", PLATFORMS);
        model.addAttribute("maxFiles", settings.maxFiles());
        model.addAttribute("maxFileMb", settings.maxFileSize().toMegabytes());
        model.addAttribute("mailWorks", mail.getIfAvailable() != null);
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        model.addAttribute("today", today.toString());
        model.addAttribute("thisMonth", java.time.YearMonth.from(today).toString());
    }

    @GetMapping("/")
    String form(Model model) {
        model.addAttribute("form", new ReportForm());
        model.addAttribute("emergency", guidance.forCountry("FR"));
        return "intake/form";
    }

    @PostMapping("/report")
    String submit(
            @ModelAttribute("form") ReportForm form,
            @RequestParam(name = "files", required = false) List<MultipartFile> files,
            Locale locale,
            Model model,
            RedirectAttributes redirect,
            HttpServletRequest request,
            HttpServletResponse response) {
        model.addAttribute("emergency", guidance.forCountry(form.getChildCountry()));
        ReportSubmission submission = form.toSubmission(locale.getLanguage());
        List<Upload> uploads = new ArrayList<>();
        if (files != null) {
            files.stream().filter(f -> !f.isEmpty()).map(Upload::of).forEach(uploads::add);
        }
        try {
            reader.validate(submission);
            boolean overLimit = limit.admit(submission, request);
            Intake.Receipt receipt = intake.receive(submission, reader.write(submission), uploads, "form");
            if (overLimit) {
                limit.flagOverLimit(receipt.receipt());
            }
            redirect.addFlashAttribute("receipt", receipt.receipt());
            redirect.addFlashAttribute("accessCode", receipt.accessCode());
            List<String> texts = new ArrayList<>();
            texts.add(submission.description());
            submission.messages().forEach(m -> texts.add(m.text()));
            boolean urgent = submission.danger()
                    || urgency.urgent(
                            texts,
                            submission.child() == null
                                    ? null
                                    : submission.child().age());
            redirect.addFlashAttribute("danger", urgent);
            redirect.addFlashAttribute(
                    "sextortion",
                    urgency.sextortion(
                            texts,
                            submission.child() == null
                                    ? null
                                    : submission.child().age()));
            redirect.addFlashAttribute("country", form.getChildCountry());
            return "redirect:/report/received";
        } catch (IntakeProblems.Invalid e) {
            model.addAttribute("errors", named(e.violations, locale));
        } catch (IntakeProblems.UnsupportedFileType e) {
            model.addAttribute("errors", Map.of("files", "form.error.filetype"));
        } catch (IntakeProblems.TooLarge e) {
            model.addAttribute("errors", Map.of("files", "form.error.toolarge"));
            model.addAttribute("filesLost", true);
        } catch (IntakeProblems.TooManyAttempts e) {
            // what the parent typed stays in the form; nothing was kept
            response.setStatus(429);
            response.setHeader("Retry-After", Long.toString(e.retryAfterSeconds));
            model.addAttribute("retryMinutes", e.retryAfterMinutes());
        }
        return "intake/form";
    }

    /** The refused fields named as the form labels them ({@code factsDate} → "Date des faits"), in the reader's language. */
    private Map<String, String> named(Map<String, String> violations, Locale locale) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        violations.forEach((field, why) -> {
            String plain = field.replaceAll("\\[\\d+\\]", "");
            out.merge(messages.getMessage("form.field." + plain, null, field, locale), why, (a, b) -> a);
        });
        return out;
    }

    @GetMapping("/report/received")
    String received(Model model) {
        if (!model.containsAttribute("receipt")) {
            return "redirect:/status";
        }
        Object country = model.getAttribute("country");
        model.addAttribute("emergency", guidance.forCountry(country == null ? null : country.toString()));
        return "intake/received";
    }

    @GetMapping("/status")
    String statusForm() {
        return "intake/status";
    }

    @PostMapping("/status")
    String status(
            @RequestParam String receipt,
            @RequestParam String accessCode,
            @RequestParam(required = false) String eraseContact,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        if (show(receipt, accessCode, model, request, response) && eraseContact != null) {
            reports.eraseContact(receipt.trim().toUpperCase(Locale.ROOT), Reports.CONTACT_ERASED_ON_REQUEST);
            model.addAttribute("contactErased", true);
        }
        return "intake/status";
    }

    /** The reporter adds files to their report from the status page (same receipt and access code, same throttle). */
    @PostMapping("/status/files")
    String addFiles(
            @RequestParam String receipt,
            @RequestParam String accessCode,
            @RequestParam(name = "files", required = false) List<MultipartFile> files,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        String normalised = receipt.trim().toUpperCase(Locale.ROOT);
        if (!show(normalised, accessCode, model, request, response)) {
            return "intake/status";
        }
        List<Upload> uploads = new ArrayList<>();
        if (files != null) {
            files.stream().filter(f -> !f.isEmpty()).map(Upload::of).forEach(uploads::add);
        }
        if (uploads.isEmpty()) {
            model.addAttribute("fileError", "status.files.none");
            return "intake/status";
        }
        try {
            Intake.StoredFiles stored = intake.storeFiles(uploads, "files");
            List<IncomingFile> added =
                    stored.committing(() -> reports.addFiles(normalised, accessCode, stored.files()));
            model.addAttribute("filesAdded", added.size());
            show(normalised, accessCode, model, request, response);
        } catch (IntakeProblems.UnsupportedFileType e) {
            model.addAttribute("fileError", "form.error.filetype");
        } catch (IntakeProblems.TooLarge e) {
            model.addAttribute("fileError", "form.error.toolarge");
        }
        return "intake/status";
    }

    /** Looks the report up through the access-code throttle; false (with the page's reason) when it cannot be shown. */
    private boolean show(
            String receipt, String accessCode, Model model, HttpServletRequest request, HttpServletResponse response) {
        try {
            String normalised = receipt.trim().toUpperCase(Locale.ROOT);
            Reports.ReporterStatus status = guard.status(normalised, accessCode, request);
            model.addAttribute("status", status);
            model.addAttribute("receipt", normalised);
            model.addAttribute("accessCode", accessCode);
            if (status.immediateDanger()) {
                model.addAttribute("emergency", guidance.forCountry(status.childCountry()));
            }
            return true;
        } catch (IntakeProblems.ReportNotFound e) {
            model.addAttribute("notFound", true);
        } catch (IntakeProblems.TooManyAttempts e) {
            response.setStatus(429);
            response.setHeader("Retry-After", Long.toString(e.retryAfterSeconds));
            model.addAttribute("retryMinutes", e.retryAfterMinutes());
        }
        return false;
    }
}
