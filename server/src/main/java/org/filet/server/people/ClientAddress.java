package org.filet.server.people;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;

/**
 * Who is asking, as far as throttling can tell: the socket's address, or, only when {@code filet.throttle.trusted-proxy}
 * says a reverse proxy we run is in front, the address that proxy saw (the last entry of {@code X-Forwarded-For}; the
 * entries before it are whatever the client wrote and are never trusted).
 */
@Component
public class ClientAddress {

    private final boolean trustedProxy;

    ClientAddress(ThrottleSettings settings) {
        this.trustedProxy = settings.trustedProxy();
    }

    public String of(HttpServletRequest request) {
        if (trustedProxy) {
            String forwarded = request.getHeader("X-Forwarded-For");
            if (forwarded != null && !forwarded.isBlank()) {
                String last =
                        forwarded.substring(forwarded.lastIndexOf(',') + 1).trim();
                if (!last.isEmpty()) {
                    return last;
                }
            }
        }
        return request.getRemoteAddr();
    }
}
