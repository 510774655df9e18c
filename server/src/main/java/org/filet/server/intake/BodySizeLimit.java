package org.filet.server.intake;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a JSON report body larger than the limit before reading it (413), so nobody can exhaust the server's
 * memory with one request. Multipart uploads are bounded by the servlet container's multipart limits.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class BodySizeLimit extends OncePerRequestFilter {

    private final IntakeSettings settings;

    BodySizeLimit(IntakeSettings settings) {
        this.settings = settings;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return !request.getRequestURI().startsWith("/api/") || type == null || type.startsWith("multipart/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long length = request.getContentLengthLong();
        long max = settings.maxJsonSize().toBytes();
        if (length > max || length < 0 && "chunked".equalsIgnoreCase(request.getHeader("Transfer-Encoding"))) {
            response.setStatus(413);
            response.setContentType("application/problem+json");
            response.getWriter()
                    .write("{\"type\":\"https://filet.invalid/problems/too-large\",\"title\":\"Too large\","
                            + "\"status\":413,\"detail\":\"report: the report's JSON may not exceed "
                            + settings.maxJsonSize().toMegabytes()
                            + " MB (send a Content-Length)\",\"field\":\"report\"}");
            return;
        }
        chain.doFilter(request, response);
    }
}
