package org.filet.server.triage;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.List;
import org.filet.server.intake.Reports;
import org.filet.server.people.FiletPrincipal;
import org.filet.server.people.Role;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /api/v1/reports/{receipt}/triage}: a report's triage for its organisation's staff (session or API token).
 * A report of another organisation is 404, as if it did not exist.
 */
@RestController
class TriageApi {

    private final Reports reports;
    private final TriageView view;

    TriageApi(Reports reports, TriageView view) {
        this.reports = reports;
        this.view = view;
    }

    /** A report's triage. {@code level} and {@code risk} are null until the report is scored. */
    @Schema(name = "Triage")
    record Triage(
            @Schema(description = "the model's level: low, medium or high (urgency is apart)")
            String level,

            @Schema(
                    description =
                            "in ten conversations of this level in the measurement data, about how many were confirmed cases")
            Integer levelInTen,

            boolean urgent,

            @Schema(description = "the reporter answered that the child is in immediate danger")
            boolean immediateDanger,

            List<Reason> reasons,

            @Schema(description = "the model's calibrated risk, 0 to 1: it orders work and accuses no one")
            Double risk,

            String scorer) {}

    /** An urgency rule and every place it was found. */
    @Schema(name = "TriageReason")
    record Reason(
            @Schema(
                    description =
                            "the rule, e.g. meeting-with-time-or-place, threat-or-sextortion, immediate-danger-reported")
            String rule,

            List<Source> sources) {}

    /** Where a reason was found. */
    @Schema(name = "TriageReasonSource")
    record Source(
            @Schema(allowableValues = {"reporter", "description", "pasted", "export", "ocr"})
            String source,

            @Schema(description = "SHA-256 of the original file (export or screenshot)")
            String fileSha256,

            @Schema(description = "SHA-256 of the derived artefact (the parse, or the OCR reading)")
            String derivedSha256,

            @Schema(description = "true for an OCR reading: a machine reading, not the original")
            boolean machineReading,

            List<TriageView.Evidence> evidence) {}

    @GetMapping("/api/v1/reports/{receipt}/triage")
    @Operation(
            summary = "A report's triage: level, urgency, immediate danger, the reasons with their sources, risk",
            description =
                    "Staff of the report's organisation (session or Authorization: Bearer). Another organisation's report is 404.")
    @ApiResponse(responseCode = "200", description = "the triage (level and risk null until scored)")
    @ApiResponse(responseCode = "404", description = "no such report in your organisation")
    Triage triage(@PathVariable String receipt, @AuthenticationPrincipal FiletPrincipal principal) {
        if (principal == null) {
            throw new ResponseStatusException(HttpStatus.UNAUTHORIZED);
        }
        if (principal.user().role() == Role.AUTHORITY || principal.user().organisation() == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no such report in your organisation");
        }
        Reports.ReportDetail report = reports.detail(principal.user().organisation(), receipt)
                .orElseThrow(
                        () -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such report in your organisation"));
        return view.of(report.id())
                .map(v -> new Triage(
                        v.triage().level(),
                        v.inTen().isPresent() ? v.inTen().getAsInt() : null,
                        v.triage().urgent(),
                        report.immediateDanger(),
                        v.reasons().stream()
                                .map(r -> new Reason(
                                        r.rule(),
                                        r.sources().stream()
                                                .map(s -> new Source(
                                                        s.source(),
                                                        s.file(),
                                                        s.derived(),
                                                        s.machineReading(),
                                                        s.evidence()))
                                                .toList()))
                                .toList(),
                        v.triage().risk(),
                        v.triage().scorer()))
                .orElseGet(() -> new Triage(
                        null,
                        null,
                        report.immediateDanger(),
                        report.immediateDanger(),
                        report.immediateDanger()
                                ? List.of(new Reason(
                                        "immediate-danger-reported",
                                        List.of(new Source("reporter", null, null, false, List.of()))))
                                : List.of(),
                        null,
                        null));
    }
}
