package org.filet.server.intake;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Files added to a report ({@code POST /api/v1/reports/{receipt}/evidence}) are checked for their access code, and its
 * throttle, before the body is read: a servlet filter runs before the multipart body is parsed, so a wrong code is
 * answered (404, 401 or 429) without the server taking in the upload.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class EvidenceUploadGate extends OncePerRequestFilter {

    private static final Pattern PATH = Pattern.compile("^/api/v1/reports/([A-Za-z0-9-]+)/evidence$");

    private final AccessCodeGuard guard;

    EvidenceUploadGate(AccessCodeGuard guard) {
        this.guard = guard;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod())
                || !PATH.matcher(request.getRequestURI()).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Matcher m = PATH.matcher(request.getRequestURI());
        m.matches();
        String code = request.getHeader("X-Access-Code");
        if (code == null || code.isBlank()) {
            problem(
                    response,
                    401,
                    "access-code-required",
                    "Access code required",
                    "Send the access code given with the receipt in the X-Access-Code header.",
                    "X-Access-Code");
            return;
        }
        try {
            guard.status(m.group(1), code, request);
        } catch (IntakeProblems.ReportNotFound e) {
            problem(
                    response,
                    404,
                    "report-not-found",
                    "No such report",
                    "No report matches this receipt and access code.",
                    null);
            return;
        } catch (IntakeProblems.TooManyAttempts e) {
            response.setHeader("Retry-After", Long.toString(e.retryAfterSeconds));
            problem(
                    response,
                    429,
                    "too-many-attempts",
                    "Too many attempts",
                    "Too many wrong access codes: try again in " + e.retryAfterMinutes() + " minute(s).",
                    "X-Access-Code");
            return;
        }
        chain.doFilter(request, response);
    }

    /** Answers at once; texts are constants (no request data is echoed). */
    private static void problem(
            HttpServletResponse response, int status, String type, String title, String detail, String field)
            throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setHeader("Connection", "close"); // the unread upload is not worth draining
        response.getWriter()
                .write("{\"type\":\"" + IntakeApiProblems.TYPE_BASE + type + "\",\"title\":\"" + title
                        + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\""
                        + (field == null ? "" : ",\"field\":\"" + field + "\"") + "}");
    }
}
