package org.filet.server.media;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.UUID;
import org.filet.pdq.image.DecodedImage;
import org.filet.pdq.image.ImageDecoder;
import org.filet.pdq.image.ImageRejectedException;
import org.filet.server.evidence.CustodyEvent;
import org.filet.server.evidence.CustodyLedger;
import org.filet.server.evidence.EvidenceStore;
import org.filet.server.intake.Reports;
import org.filet.server.people.FiletPrincipal;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * Restricted viewing. Thumbnails are blurred and greyscale; a reveal needs a reason, is recorded (who, when, why) in
 * the custody ledger before anything is shown, and counts against the person's daily exposure budget (a soft limit:
 * past it the page warns). The revealed copy is reduced and can be fetched only for a few minutes after the reveal.
 * Every response carrying a picture is {@code Cache-Control: no-store}.
 */
@Controller
class MediaController {

    private final Reports reports;
    private final EvidenceStore store;
    private final CustodyLedger custody;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final MediaSettings settings;
    private final ImageDecoder decoder;
    private final Matches matches;
    private final org.filet.server.people.OrganisationSettings organisationSettings;

    MediaController(
            Reports reports,
            EvidenceStore store,
            CustodyLedger custody,
            JdbcClient jdbc,
            TransactionTemplate transactions,
            MediaSettings settings,
            Matches matches,
            org.filet.server.people.OrganisationSettings organisationSettings) {
        this.organisationSettings = organisationSettings;
        this.matches = matches;
        this.reports = reports;
        this.store = store;
        this.custody = custody;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.settings = settings;
        this.decoder = ImageDecoder.withMaxPixels(settings.maxPixels());
    }

    @GetMapping("/staff/media/{receipt}/{sha256}/thumb")
    ResponseEntity<byte[]> thumbnail(
            @PathVariable String receipt,
            @PathVariable String sha256,
            @AuthenticationPrincipal FiletPrincipal principal)
            throws IOException {
        Reports.ReportDetail report = picture(receipt, sha256, principal);
        return png(RestrictedImages.blurredThumbnail(decode(sha256, report).image()));
    }

    @PostMapping("/staff/media/{receipt}/{sha256}/reveal")
    String reveal(
            @PathVariable String receipt,
            @PathVariable String sha256,
            @RequestParam(required = false) String reason,
            @AuthenticationPrincipal FiletPrincipal principal,
            Model model) {
        Reports.ReportDetail report = picture(receipt, sha256, principal);
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "a reason (1 to 500 characters) is required");
        }
        String clean = reason.strip().replaceAll("\\p{Cntrl}", " ");
        UUID user = principal.user().id();
        transactions.executeWithoutResult(status -> {
            jdbc.sql("insert into media_reveal (user_id, report_id, file_sha256, reason) values (?, ?, ?, ?)")
                    .params(user, report.id(), sha256, clean)
                    .update();
            custody.append(new CustodyEvent(
                    CustodyEvent.Actions.VIEWED,
                    principal.user().actor(),
                    Reports.subject(receipt),
                    List.of(sha256),
                    List.of(),
                    "restricted picture revealed: " + clean));
        });
        long today = jdbc.sql("select count(*) from media_reveal where user_id = ? and at >= date_trunc('day', now())")
                .param(user)
                .query(Long.class)
                .single();
        model.addAttribute("report", report);
        model.addAttribute("sha256", sha256);
        model.addAttribute("reason", clean);
        model.addAttribute("today", today);
        int budget = java.util.Optional.ofNullable(
                        organisationSettings.of(principal.user().organisation()).dailyExposure())
                .orElse(settings.dailyExposure());
        model.addAttribute("budget", budget);
        model.addAttribute("over", today > budget);
        return "media/reveal";
    }

    @GetMapping("/staff/media/{receipt}/{sha256}/revealed")
    ResponseEntity<byte[]> revealed(
            @PathVariable String receipt,
            @PathVariable String sha256,
            @AuthenticationPrincipal FiletPrincipal principal)
            throws IOException {
        Reports.ReportDetail report = picture(receipt, sha256, principal);
        boolean recent = jdbc.sql("""
                        select count(*) from media_reveal where user_id = ? and report_id = ? and file_sha256 = ?
                        and at > now() - interval '5 minutes'""")
                        .params(principal.user().id(), report.id(), sha256)
                        .query(Long.class)
                        .single()
                > 0;
        if (!recent) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "reveal the picture with a reason first");
        }
        return png(RestrictedImages.reduced(decode(sha256, report).image()));
    }

    private Reports.ReportDetail picture(String receipt, String sha256, FiletPrincipal principal) {
        Reports.ReportDetail report = reports.detail(principal.user().organisation(), receipt)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        report.files().stream()
                .filter(f -> f.sha256().equals(sha256) && f.mediaType().startsWith("image/"))
                .findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (matches.isKnown(report.id(), sha256)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "known material is never shown; its category is");
        }
        return report;
    }

    private DecodedImage decode(String sha256, Reports.ReportDetail report) throws IOException {
        byte[] bytes;
        try (InputStream in = store.open(sha256)) {
            bytes = in.readAllBytes();
        }
        try {
            return decoder.decode(bytes, "");
        } catch (ImageRejectedException e) {
            throw new ResponseStatusException(HttpStatus.valueOf(422), "this picture cannot be shown safely");
        }
    }

    private static ResponseEntity<byte[]> png(byte[] bytes) {
        return ResponseEntity.ok()
                .contentType(MediaType.IMAGE_PNG)
                .cacheControl(CacheControl.noStore())
                .body(bytes);
    }
}
