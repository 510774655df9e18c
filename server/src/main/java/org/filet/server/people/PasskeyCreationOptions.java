package org.filet.server.people;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.registration.PublicKeyCredentialCreationOptionsRepository;

/**
 * The options of a passkey enrolment between its two requests, kept on this node by session id for five minutes.
 * Spring Security keeps them in the HTTP session, but sessions are in the database (Spring Session JDBC) and
 * {@link PublicKeyCredentialCreationOptions} is not serialisable (Spring Security 7.0). The two requests of one
 * enrolment come within seconds; behind a load balancer that does not keep a user on one node, an enrolment can land
 * its second request on another node and is then refused (the user tries again). Logins with a passkey are not
 * concerned: their request options are serialisable and stay in the session.
 */
final class PasskeyCreationOptions implements PublicKeyCredentialCreationOptionsRepository {

    private static final Duration KEPT = Duration.ofMinutes(5);

    private record Kept(PublicKeyCredentialCreationOptions options, Instant until) {}

    private final Map<String, Kept> bySession = new ConcurrentHashMap<>();

    @Override
    public void save(
            HttpServletRequest request, HttpServletResponse response, PublicKeyCredentialCreationOptions options) {
        Instant now = Instant.now();
        bySession.values().removeIf(k -> k.until().isBefore(now));
        HttpSession session = request.getSession();
        if (options == null) {
            bySession.remove(session.getId());
        } else {
            bySession.put(session.getId(), new Kept(options, now.plus(KEPT)));
        }
    }

    @Override
    public PublicKeyCredentialCreationOptions load(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return null;
        }
        Kept kept = bySession.get(session.getId());
        return kept == null || kept.until().isBefore(Instant.now()) ? null : kept.options();
    }
}
