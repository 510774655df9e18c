package org.filet.server.intake;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import org.filet.server.people.FiletPrincipal;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** {@code GET /api/v1/reports/{receipt}/package}: the sealed evidence package of a report, for its organisation's staff. */
@RestController
class ReportPackageController {

    private final Reports reports;
    private final ReportPackages packages;

    ReportPackageController(Reports reports, ReportPackages packages) {
        this.reports = reports;
        this.packages = packages;
    }

    @GetMapping("/api/v1/reports/{receipt}/package")
    @Operation(summary = "The sealed evidence package of a report (staff of its organisation; a custody event)")
    void download(
            @PathVariable String receipt,
            @AuthenticationPrincipal FiletPrincipal principal,
            HttpServletResponse response)
            throws IOException, SQLException {
        if (principal == null) {
            throw new ResponseStatusException(HttpStatus.UNAUTHORIZED);
        }
        Reports.ReportDetail report = reports.detail(principal.user().organisation(), receipt)
                .orElseThrow(
                        () -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such report in your organisation"));
        ReportPackages.sendAsAttachment(
                response, "filet-" + receipt + ".zip", out -> packages.write(principal.user(), report, out));
    }
}
