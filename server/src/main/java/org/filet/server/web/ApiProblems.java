package org.filet.server.web;

import java.net.URI;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * Errors that happen before a request reaches its controller (upload limits, unreadable multipart, wrong content
 * type), as {@code application/problem+json}.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiProblems {

    @ExceptionHandler
    ResponseEntity<ProblemDetail> uploadTooLarge(MaxUploadSizeExceededException e) {
        return respond(
                HttpStatus.CONTENT_TOO_LARGE,
                "too-large",
                "Too large",
                "The upload is larger than this server accepts (one file at most " + FileLimits.describe(e) + ").");
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> multipart(MultipartException e) {
        String message = String.valueOf(e.getMessage()) + " "
                + (e.getCause() == null ? "" : e.getCause().getMessage());
        if (message.contains("FileCountLimit")
                || message.toLowerCase(java.util.Locale.ROOT).contains("count")) {
            return respond(
                    HttpStatus.CONTENT_TOO_LARGE,
                    "too-large",
                    "Too many files",
                    "files: the request carries more parts than this server accepts.");
        }
        return respond(
                HttpStatus.BAD_REQUEST,
                "unreadable-request",
                "Unreadable upload",
                "The multipart request could not be read.");
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> contentType(HttpMediaTypeNotSupportedException e) {
        return respond(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "unsupported-content-type",
                "Unsupported content type",
                "Send application/json, or multipart/form-data with a 'report' part.");
    }

    private static ResponseEntity<ProblemDetail> respond(HttpStatus status, String type, String title, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setType(URI.create("https://filet.invalid/problems/" + type));
        p.setTitle(title);
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(p);
    }

    /** Words for the limit that was hit. */
    static final class FileLimits {
        private FileLimits() {}

        static String describe(MaxUploadSizeExceededException e) {
            long max = e.getMaxUploadSize();
            return max > 0 ? (max / (1024 * 1024)) + " MB" : "the configured size";
        }
    }
}
