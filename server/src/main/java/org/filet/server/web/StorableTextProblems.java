package org.filet.server.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Map;
import org.filet.server.support.StorableText;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** Text the database cannot hold, refused with the field named: problem+json for the API, the error page otherwise. */
@ControllerAdvice
class StorableTextProblems {

    @ExceptionHandler(StorableText.Refused.class)
    Object refused(StorableText.Refused e, HttpServletRequest request) {
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
            p.setType(URI.create("https://filet.invalid/problems/unstorable-text"));
            p.setTitle("Text that cannot be stored");
            p.setProperty("field", e.field());
            return ResponseEntity.badRequest()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(p);
        }
        ModelAndView page = new ModelAndView(
                "error",
                Map.of(
                        "status",
                        400,
                        "unstorableField",
                        e.field(),
                        "layout",
                        ErrorPages.layout(SecurityContextHolder.getContext().getAuthentication())));
        page.setStatus(HttpStatus.BAD_REQUEST);
        return page;
    }
}
