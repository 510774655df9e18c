package org.filet.server.intake;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The intake API's errors as {@code application/problem+json}, each naming the field concerned. */
@RestControllerAdvice(assignableTypes = IntakeApi.class)
class IntakeApiProblems {

    static final String TYPE_BASE = "https://filet.invalid/problems/";

    @ExceptionHandler
    ResponseEntity<ProblemDetail> invalid(IntakeProblems.Invalid e) {
        ProblemDetail p = problem(
                HttpStatus.BAD_REQUEST,
                "invalid-report",
                "The report has invalid fields",
                "Invalid fields: " + String.join(", ", e.violations.keySet()));
        p.setProperty("field", e.violations.keySet().iterator().next());
        p.setProperty(
                "errors",
                e.violations.entrySet().stream()
                        .map(v -> Map.of("field", v.getKey(), "message", v.getValue()))
                        .toList());
        return respond(p);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unreadable(IntakeProblems.Unreadable e) {
        ProblemDetail p = problem(
                HttpStatus.BAD_REQUEST,
                "unreadable-report",
                "The report cannot be read",
                e.field + ": " + e.getMessage());
        p.setProperty("field", e.field);
        p.setProperty("errors", List.of(Map.of("field", e.field, "message", e.getMessage())));
        return respond(p);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> tooLarge(IntakeProblems.TooLarge e) {
        ProblemDetail p =
                problem(HttpStatus.CONTENT_TOO_LARGE, "too-large", "Too large", e.field + ": " + e.getMessage());
        p.setProperty("field", e.field);
        return respond(p);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unsupported(IntakeProblems.UnsupportedFileType e) {
        ProblemDetail p = problem(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "unsupported-file-type",
                "A file is of a type reports may not carry",
                e.field + ": the content is " + e.mediaType
                        + "; send pictures, videos, sound, chat exports (text, JSON, XML, HTML, ZIP) or PDF documents");
        p.setProperty("field", e.field);
        p.setProperty("detectedType", e.mediaType);
        return respond(p);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> notFound(IntakeProblems.ReportNotFound e) {
        return respond(problem(
                HttpStatus.NOT_FOUND,
                "report-not-found",
                "No such report",
                "No report matches this receipt and access code."));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> codeRequired(IntakeProblems.AccessCodeRequired e) {
        ProblemDetail p = problem(
                HttpStatus.UNAUTHORIZED,
                "access-code-required",
                "Access code required",
                "Send the access code given with the receipt in the X-Access-Code header.");
        p.setProperty("field", "X-Access-Code");
        return respond(p);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> tooMany(IntakeProblems.TooManyAttempts e) {
        ProblemDetail p = e.accessCodes
                ? problem(
                        HttpStatus.TOO_MANY_REQUESTS,
                        "too-many-attempts",
                        "Too many attempts",
                        "Too many wrong access codes: try again in " + e.retryAfterMinutes() + " minute(s).")
                : problem(
                        HttpStatus.TOO_MANY_REQUESTS,
                        "too-many-reports",
                        "Too many reports",
                        "Too many reports from this address: nothing was kept; send it again in "
                                + e.retryAfterMinutes()
                                + " minute(s). If a child is in immediate danger, say so in the report: it is always kept.");
        p.setProperty("field", e.accessCodes ? "X-Access-Code" : "report");
        p.setProperty("retryAfter", e.retryAfterSeconds);
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header("Retry-After", Long.toString(e.retryAfterSeconds))
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(p);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> busy(IntakeBusy e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", "5")
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "busy",
                        "Busy",
                        "Nothing was kept; please send the report again in a few seconds."));
    }

    static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setType(URI.create(TYPE_BASE + type));
        p.setTitle(title);
        return p;
    }

    static ResponseEntity<ProblemDetail> respond(ProblemDetail p) {
        return ResponseEntity.status(p.getStatus())
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(p);
    }
}
