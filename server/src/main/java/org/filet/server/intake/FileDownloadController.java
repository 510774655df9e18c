package org.filet.server.intake;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.filet.server.evidence.CustodyEvent;
import org.filet.server.evidence.CustodyLedger;
import org.filet.server.evidence.EvidenceStore;
import org.filet.server.people.FiletPrincipal;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * Opening a file of a report: only with a reason, and only after the custody record says who opened which file, when
 * and why (US v. Wilson made "was this file viewed, and by whom" decisive). Pictures and videos never leave this way:
 * they are restricted media, shown nowhere in full, and leave only inside a sealed package.
 */
@Controller
class FileDownloadController {

    private final Reports reports;
    private final EvidenceStore store;
    private final CustodyLedger custody;

    FileDownloadController(Reports reports, EvidenceStore store, CustodyLedger custody) {
        this.reports = reports;
        this.store = store;
        this.custody = custody;
    }

    static boolean restricted(String mediaType) {
        return mediaType.startsWith("image/") || mediaType.startsWith("video/");
    }

    @PostMapping("/staff/reports/{receipt}/files/{sha256}")
    void download(
            @PathVariable String receipt,
            @PathVariable String sha256,
            @RequestParam(required = false) String reason,
            @AuthenticationPrincipal FiletPrincipal principal,
            HttpServletResponse response)
            throws IOException {
        Reports.ReportDetail report = reports.detail(principal.user().organisation(), receipt)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Reports.FileEntry file = report.files().stream()
                .filter(f -> f.sha256().equals(sha256))
                .findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (restricted(file.mediaType())) {
            throw new ResponseStatusException(
                    HttpStatus.FORBIDDEN, "restricted media leaves only inside a sealed package");
        }
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "a reason (1 to 500 characters) is required");
        }
        custody.appendCommitted(new CustodyEvent(
                CustodyEvent.Actions.VIEWED,
                principal.user().actor(),
                Reports.subject(receipt),
                List.of(sha256),
                List.of(),
                reason.strip().replaceAll("\\p{Cntrl}", " ")));
        String name = file.originalName() == null || file.originalName().isBlank() ? sha256 : file.originalName();
        response.setContentType(file.mediaType());
        response.setHeader(
                "Content-Disposition",
                "attachment; filename*=UTF-8''"
                        + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"));
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentLengthLong(file.size());
        try (InputStream in = store.open(sha256)) {
            in.transferTo(response.getOutputStream());
        }
    }
}
