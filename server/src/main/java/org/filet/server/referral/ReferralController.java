package org.filet.server.referral;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.filet.server.cases.Cases;
import org.filet.server.people.FiletPrincipal;
import org.filet.server.people.StaffUsers;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The organisation refers an approved case; the authority's users accept it and record outcomes in their portal. */
@Controller
class ReferralController {

    private final Referrals referrals;
    private final Authorities authorities;
    private final StaffUsers users;
    private final Cases cases;
    private final org.filet.server.intake.ReportPackages packages;
    private final org.filet.server.intake.Reports reportsApi;

    private final org.filet.server.evidence.CustodyLedger custody;
    private final org.filet.server.triage.Queue queue;
    private final org.filet.server.people.Organisations organisations;
    private final org.filet.server.support.FiletInstance instance;
    private final org.filet.server.cases.CasePage casePage;
    private final AuthorityCase authorityCase;

    ReferralController(
            AuthorityCase authorityCase,
            Referrals referrals,
            Authorities authorities,
            StaffUsers users,
            Cases cases,
            org.filet.server.intake.ReportPackages packages,
            org.filet.server.intake.Reports reportsApi,
            org.filet.server.evidence.CustodyLedger custody,
            org.filet.server.triage.Queue queue,
            org.filet.server.people.Organisations organisations,
            org.filet.server.support.FiletInstance instance,
            org.filet.server.cases.CasePage casePage) {
        this.authorityCase = authorityCase;
        this.casePage = casePage;
        this.custody = custody;
        this.queue = queue;
        this.organisations = organisations;
        this.instance = instance;
        this.packages = packages;
        this.reportsApi = reportsApi;
        this.referrals = referrals;
        this.authorities = authorities;
        this.users = users;
        this.cases = cases;
    }

    @PostMapping("/staff/cases/{number}/referral")
    String send(
            @PathVariable String number,
            @RequestParam(required = false) String authority,
            @RequestParam(required = false) String reason,
            @AuthenticationPrincipal FiletPrincipal principal) {
        referrals.send(principal.user(), number, authority, reason);
        return "redirect:/staff/cases/" + number;
    }

    @GetMapping("/authority")
    String portal(@AuthenticationPrincipal FiletPrincipal principal, Model model) {
        String authority = authorityOf(principal);
        model.addAttribute("authority", authorities.find(authority).orElseThrow());
        model.addAttribute("referrals", referrals.forAuthority(authority));
        return "referral/portal";
    }

    @GetMapping("/authority/referrals/{id}")
    String referral(
            @PathVariable UUID id,
            @RequestParam(name = "r", required = false) String pagedReceipt,
            @RequestParam(defaultValue = "1") int page,
            @RequestParam(defaultValue = "1") int typed,
            @AuthenticationPrincipal FiletPrincipal principal,
            Model model) {
        String authority = authorityOf(principal);
        Referrals.Referral r = referrals
                .find(id)
                .filter(x -> x.authority().equals(authority))
                .orElseThrow(() -> new Referrals.ReferralRefused("no such referral for your authority"));
        model.addAttribute("referral", r);
        java.util.Set<String> referred = cases.referredContent(r.caseId()).keySet();
        model.addAttribute(
                "reports",
                cases.reports(r.caseId()).stream()
                        .filter(x -> referred.contains(x.receipt()))
                        .toList());
        model.addAttribute("view", authorityCase.of(r, pagedReceipt, page, typed));
        model.addAttribute("formatNames", AuthorityCase.FORMATS);
        model.addAttribute("outcomes", referrals.outcomes(id));
        model.addAttribute("kinds", Referrals.OUTCOMES.stream().sorted().toList());
        model.addAttribute("messages", referrals.messages(id));
        model.addAttribute("directory", authorities.all());
        return "referral/referral";
    }

    @GetMapping("/authority/referrals/{id}/reports/{receipt}/package")
    void download(
            @PathVariable UUID id,
            @PathVariable String receipt,
            @AuthenticationPrincipal FiletPrincipal principal,
            jakarta.servlet.http.HttpServletResponse response)
            throws Exception {
        String authority = authorityOf(principal);
        Referrals.Referral r = referrals
                .find(id)
                .filter(x -> x.authority().equals(authority))
                .orElseThrow(() -> new Referrals.ReferralRefused("no such referral for your authority"));
        java.util.Set<String> files = cases.referredContent(r.caseId()).get(receipt);
        if (files == null) {
            throw new Referrals.ReferralRefused("no such report in this referral");
        }
        var report = reportsApi
                .detailById(reportsApi.idOf(receipt).orElseThrow())
                .orElseThrow()
                .withOnlyFiles(files);
        org.filet.server.intake.ReportPackages.sendAsAttachment(
                response, "filet-" + receipt + ".zip", out -> packages.write(principal.user(), report, out));
    }

    @GetMapping("/authority/referrals/{id}/package")
    void casePackage(
            @PathVariable UUID id,
            @AuthenticationPrincipal FiletPrincipal principal,
            jakarta.servlet.http.HttpServletResponse response)
            throws Exception {
        String authority = authorityOf(principal);
        Referrals.Referral r = referrals
                .find(id)
                .filter(x -> x.authority().equals(authority))
                .orElseThrow(() -> new Referrals.ReferralRefused("no such referral for your authority"));
        java.util.List<org.filet.server.intake.Reports.ReportDetail> all = new java.util.ArrayList<>();
        for (var referred : cases.referredContent(r.caseId()).entrySet()) {
            all.add(reportsApi
                    .detailById(reportsApi.idOf(referred.getKey()).orElseThrow())
                    .orElseThrow()
                    .withOnlyFiles(referred.getValue()));
        }
        org.filet.server.intake.ReportPackages.sendAsAttachment(
                response,
                "filet-" + r.caseNumber() + ".zip",
                out -> packages.writeAll(principal.user(), "case:" + r.caseNumber(), all, out));
    }

    @GetMapping(path = "/authority/referrals/{id}/cybertipline.xml", produces = "application/xml")
    ResponseEntity<String> cybertipline(@PathVariable UUID id, @AuthenticationPrincipal FiletPrincipal principal) {
        String authority = authorityOf(principal);
        Referrals.Referral r = referrals
                .find(id)
                .filter(x -> x.authority().equals(authority))
                .orElseThrow(() -> new Referrals.ReferralRefused("no such referral for your authority"));
        java.util.List<CyberTiplineXml.ReportFacts> facts = new java.util.ArrayList<>();
        boolean urgent = false;
        String organisation = null;
        for (var referred : cases.referredContent(r.caseId()).entrySet()) {
            UUID reportId = reportsApi.idOf(referred.getKey()).orElseThrow();
            var report = reportsApi.detailById(reportId).orElseThrow().withOnlyFiles(referred.getValue());
            java.util.Map<String, java.util.List<String>> viewers = new java.util.HashMap<>();
            for (var e : custody.history(org.filet.server.intake.Reports.subject(referred.getKey()))) {
                if (e.event().action().equals("viewed")) {
                    e.event()
                            .inputs()
                            .forEach(sha -> viewers.computeIfAbsent(sha, k -> new java.util.ArrayList<>())
                                    .add(e.event().actor()));
                }
            }
            facts.add(new CyberTiplineXml.ReportFacts(report, viewers));
            urgent |= report.immediateDanger()
                    || queue.triage(reportId).map(t -> t.urgent()).orElse(false);
            organisation = organisations
                    .find(reportsApi.organisationOf(reportId).orElseThrow())
                    .map(o -> o.name())
                    .orElse(organisation);
        }
        String xml = CyberTiplineXml.write(
                r.caseNumber(), organisation == null ? "?" : organisation, instance.id(), urgent, facts);
        custody.append(new org.filet.server.evidence.CustodyEvent(
                "exported",
                principal.user().actor(),
                "case:" + r.caseNumber(),
                java.util.List.of(),
                java.util.List.of(org.filet.verify.Sha256.hex(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8))),
                "CyberTipline-shaped XML for " + authority));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_XML)
                .header("Cache-Control", "no-store")
                .body(xml);
    }

    @PostMapping("/staff/cases/{number}/referral/supplement")
    String supplement(@PathVariable String number, @AuthenticationPrincipal FiletPrincipal principal) {
        referrals.sendSupplement(principal.user(), number);
        return "redirect:/staff/cases/" + number;
    }

    @PostMapping("/authority/referrals/{id}/questions")
    String ask(@PathVariable UUID id, @RequestParam String body, @AuthenticationPrincipal FiletPrincipal principal) {
        referrals.ask(principal.user(), authorityOf(principal), id, body);
        return "redirect:/authority/referrals/" + id;
    }

    @PostMapping("/authority/referrals/{id}/handover")
    String handOver(
            @PathVariable UUID id,
            @RequestParam String to,
            @RequestParam(required = false) String reason,
            @AuthenticationPrincipal FiletPrincipal principal) {
        referrals.handOver(principal.user(), authorityOf(principal), id, to, reason);
        return "redirect:/authority";
    }

    @PostMapping("/staff/cases/{number}/referral/answers")
    String answer(
            @PathVariable String number, @RequestParam String body, @AuthenticationPrincipal FiletPrincipal principal) {
        referrals.answer(principal.user(), number, body);
        return "redirect:/staff/cases/" + number;
    }

    @PostMapping("/authority/referrals/{id}/accept")
    String accept(@PathVariable UUID id, @AuthenticationPrincipal FiletPrincipal principal) {
        referrals.accept(principal.user(), authorityOf(principal), id);
        return "redirect:/authority/referrals/" + id;
    }

    @PostMapping("/authority/referrals/{id}/outcomes")
    String outcome(
            @PathVariable UUID id,
            @RequestParam String kind,
            @RequestParam String date,
            @AuthenticationPrincipal FiletPrincipal principal) {
        LocalDate on;
        try {
            on = LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw new Referrals.ReferralRefused("the date must be written yyyy-mm-dd");
        }
        referrals.outcome(principal.user(), authorityOf(principal), id, kind, on);
        return "redirect:/authority/referrals/" + id;
    }

    @PostMapping("/authority/referrals/{id}/close")
    String close(@PathVariable UUID id, @AuthenticationPrincipal FiletPrincipal principal) {
        referrals.close(principal.user(), authorityOf(principal), id);
        return "redirect:/authority/referrals/" + id;
    }

    private String authorityOf(FiletPrincipal principal) {
        return users.authorityOf(principal.user().id())
                .orElseThrow(() -> new Referrals.ReferralRefused("your account belongs to no authority"));
    }

    /** A refused action on a case page is answered on that page, with the reason in the user's language. */
    @ExceptionHandler(org.filet.server.cases.CaseProblems.FourEyesRequired.class)
    org.springframework.web.servlet.ModelAndView fourEyes(
            org.filet.server.cases.CaseProblems.FourEyesRequired e,
            jakarta.servlet.http.HttpServletRequest request,
            @AuthenticationPrincipal FiletPrincipal principal) {
        return casePage.render(
                principal,
                org.filet.server.cases.CasePage.numberIn(request.getRequestURI())
                        .orElseThrow(),
                e.key(),
                HttpStatus.FORBIDDEN);
    }

    @ExceptionHandler(Referrals.ReferralRefused.class)
    Object refused(
            Referrals.ReferralRefused e,
            jakarta.servlet.http.HttpServletRequest request,
            @AuthenticationPrincipal FiletPrincipal principal) {
        HttpStatus status =
                e.getMessage().startsWith("no such") ? HttpStatus.NOT_FOUND : HttpStatus.UNPROCESSABLE_ENTITY;
        var number = org.filet.server.cases.CasePage.numberIn(request.getRequestURI());
        if (number.isPresent() && status != HttpStatus.NOT_FOUND && principal != null) {
            return casePage.render(principal, number.get(), e.key(), status);
        }
        org.springframework.web.servlet.ModelAndView page = new org.springframework.web.servlet.ModelAndView(
                principal != null && request.getRequestURI().startsWith(request.getContextPath() + "/authority")
                        ? "referral/refused"
                        : "error");
        page.addObject("status", status.value());
        page.addObject("refusal", e.key());
        page.setStatus(status);
        return page;
    }
}
