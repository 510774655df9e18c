package org.filet.server.intake;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/** The intake API: reports from reporters' apps and partner platforms, the reporter's status, files added later. */
@RestController
@Tag(name = "intake", description = "Reports, the reporter's status, and files added to a report")
class IntakeApi {

    private final Intake intake;
    private final Reports reports;
    private final SubmissionReader reader;
    private final IntakeSettings settings;
    private final AccessCodeGuard guard;
    private final IntakeLimit limit;

    IntakeApi(
            Intake intake,
            Reports reports,
            SubmissionReader reader,
            IntakeSettings settings,
            AccessCodeGuard guard,
            IntakeLimit limit) {
        this.guard = guard;
        this.limit = limit;
        this.intake = intake;
        this.reports = reports;
        this.reader = reader;
        this.settings = settings;
    }

    /** The answer to a new report: shown once; the access code cannot be recovered later. */
    record Created(String receipt, String accessCode, String statusUrl) {}

    @PostMapping(path = "/api/v1/reports", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Submit a report (JSON)",
            description = "Answers 201 only once the report and its custody record are committed.")
    ResponseEntity<Created> submitJson(@RequestBody byte[] body, HttpServletRequest request) {
        checkJsonSize(body);
        ReportSubmission submission = reader.read(body);
        boolean overLimit = limit.admit(submission, request);
        return created(intake.receive(submission, body, List.of(), "api"), overLimit);
    }

    @PostMapping(path = "/api/v1/reports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Submit a report with files (multipart: a 'report' JSON part and file parts)")
    ResponseEntity<Created> submitMultipart(MultipartHttpServletRequest request) throws java.io.IOException {
        MultipartFile reportPart = request.getFile("report");
        byte[] body;
        if (reportPart != null) {
            body = reportPart.getBytes();
        } else if (request.getParameter("report") != null) {
            body = request.getParameter("report").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        } else {
            throw new IntakeProblems.Unreadable(
                    "report", "the multipart request needs a 'report' part holding the JSON");
        }
        checkJsonSize(body);
        ReportSubmission submission = reader.read(body);
        boolean overLimit = limit.admit(submission, request);
        return created(intake.receive(submission, body, uploads(request), "api"), overLimit);
    }

    @GetMapping("/api/v1/reports/{receipt}")
    @Operation(summary = "The reporter's plain status of a report (needs the X-Access-Code header)")
    Reports.ReporterStatus status(
            @PathVariable String receipt,
            @RequestHeader(name = "X-Access-Code", required = false) String accessCode,
            HttpServletRequest request) {
        if (accessCode == null || accessCode.isBlank()) {
            throw new IntakeProblems.AccessCodeRequired();
        }
        return guard.status(receipt, accessCode, request);
    }

    @DeleteMapping("/api/v1/reports/{receipt}/contact")
    @Operation(summary = "Erase the reporter's contact details from a report (needs the X-Access-Code header)")
    ResponseEntity<Void> eraseContact(
            @PathVariable String receipt,
            @RequestHeader(name = "X-Access-Code", required = false) String accessCode,
            HttpServletRequest request) {
        if (accessCode == null || accessCode.isBlank()) {
            throw new IntakeProblems.AccessCodeRequired();
        }
        guard.status(receipt, accessCode, request);
        reports.eraseContact(receipt, Reports.CONTACT_ERASED_ON_REQUEST);
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/api/v1/reports/{receipt}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Add files to a report (needs the X-Access-Code header)")
    ResponseEntity<Map<String, Object>> addEvidence(
            @PathVariable String receipt,
            @RequestHeader(name = "X-Access-Code", required = false) String accessCode,
            MultipartHttpServletRequest request) {
        if (accessCode == null || accessCode.isBlank()) {
            throw new IntakeProblems.AccessCodeRequired();
        }
        reports.status(
                receipt, accessCode); // EvidenceUploadGate checked it (and its throttle) before the body was read
        List<Upload> uploads = uploads(request);
        if (uploads.isEmpty()) {
            throw new IntakeProblems.Unreadable("files", "no file was sent");
        }
        Intake.StoredFiles stored = intake.storeFiles(uploads, "files");
        List<IncomingFile> added = stored.committing(() -> reports.addFiles(receipt, accessCode, stored.files()));
        List<Map<String, Object>> files = added.stream()
                .map(f -> Map.<String, Object>of("sha256", f.sha256(), "size", f.size(), "mediaType", f.mediaType()))
                .toList();
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("receipt", receipt, "files", files));
    }

    private ResponseEntity<Created> created(Intake.Receipt receipt, boolean overLimit) {
        if (overLimit) {
            limit.flagOverLimit(receipt.receipt());
        }
        String statusUrl = "/api/v1/reports/" + receipt.receipt();
        return ResponseEntity.created(URI.create(statusUrl))
                .body(new Created(receipt.receipt(), receipt.accessCode(), statusUrl));
    }

    private void checkJsonSize(byte[] body) {
        if (body != null && body.length > settings.maxJsonSize().toBytes()) {
            throw new IntakeProblems.TooLarge(
                    "report",
                    "the report's JSON may not exceed " + settings.maxJsonSize().toMegabytes() + " MB");
        }
    }

    static List<Upload> uploads(MultipartHttpServletRequest request) {
        List<Upload> uploads = new ArrayList<>();
        request.getMultiFileMap().forEach((name, files) -> {
            if (!name.equals("report")) {
                files.stream()
                        .filter(f -> !f.isEmpty()
                                || (f.getOriginalFilename() != null
                                        && !f.getOriginalFilename().isBlank()))
                        .map(Upload::of)
                        .forEach(uploads::add);
            }
        });
        return uploads;
    }
}
