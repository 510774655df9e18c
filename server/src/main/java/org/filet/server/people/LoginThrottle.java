package org.filet.server.people;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Wrong passwords, counted per account and per client address: after {@code filet.throttle.login-failures} failures
 * the account is locked (HTTP 429, the right password too) until a token comes back (back-off: one attempt every
 * {@code login-lock / login-failures}; all of them after {@code login-lock}). When an account becomes locked its user is
 * told by e-mail, if mail is configured. A successful login clears the account's failures.
 */
@Component
class LoginThrottle {

    static final String LOCKED_PATH = "/login/locked";
    static final String RETRY_AFTER = "filet.login.retryAfter";

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

    private final Throttle throttle;
    private final ClientAddress address;
    private final ObjectProvider<JavaMailSender> mail;
    private final AuthenticationFailureHandler wrong = new SimpleUrlAuthenticationFailureHandler("/login?error");

    LoginThrottle(Throttle throttle, ClientAddress address, ObjectProvider<JavaMailSender> mail) {
        this.throttle = throttle;
        this.address = address;
        this.mail = mail;
    }

    /** Refuses a login attempt of a locked account or address before its password is looked at. */
    OncePerRequestFilter filter() {
        return new OncePerRequestFilter() {
            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                return !("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath()));
            }

            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                Throttle.Verdict verdict = throttle.check(Throttle.Limit.LOGIN_ADDRESS, address.of(request));
                String email = request.getParameter("username");
                if (verdict.allowed() && email != null && !email.isBlank()) {
                    verdict = throttle.check(Throttle.Limit.LOGIN_ACCOUNT, email.trim());
                }
                if (!verdict.allowed()) {
                    refuse(request, response, verdict);
                    return;
                }
                chain.doFilter(request, response);
            }
        };
    }

    /** Counts a wrong password; the attempt that locks is answered 429 at once. */
    AuthenticationFailureHandler failureHandler() {
        return (request, response, exception) -> {
            Throttle.Verdict byAddress = throttle.charge(Throttle.Limit.LOGIN_ADDRESS, address.of(request));
            String email = request.getParameter("username");
            Throttle.Verdict byAccount = Throttle.Verdict.ALLOWED;
            if (email != null && !email.isBlank()) {
                byAccount = throttle.charge(Throttle.Limit.LOGIN_ACCOUNT, email.trim());
                if (!byAccount.allowed()) {
                    tellLocked(email.trim(), byAccount.retryAfterSeconds());
                }
            }
            failed(request, response, exception);
        };
    }

    private void failed(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException, ServletException {
        wrong.onAuthenticationFailure(request, response, e);
    }

    /** A successful login: the account's failures are forgotten. */
    void succeeded(String email) {
        throttle.reset(Throttle.Limit.LOGIN_ACCOUNT, email);
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, Throttle.Verdict verdict)
            throws ServletException, IOException {
        response.setHeader("Retry-After", Long.toString(verdict.retryAfterSeconds()));
        request.setAttribute(RETRY_AFTER, verdict.retryAfterSeconds());
        request.getRequestDispatcher(LOCKED_PATH).forward(request, response);
    }

    private void tellLocked(String email, long seconds) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null || !email.contains("@")) {
            return;
        }
        long minutes = Math.max(1, (seconds + 59) / 60);
        SimpleMailMessage message = new SimpleMailMessage();
        message.setTo(email);
        message.setFrom("filet@localhost");
        message.setSubject("Filet : connexion bloquée / login locked");
        message.setText("""
                Après plusieurs mots de passe erronés, la connexion à votre compte Filet est bloquée pendant %d minute(s).
                Si ce n'était pas vous, prévenez votre administrateur.

                After several wrong passwords, logging in to your Filet account is locked for %d minute(s).
                If this was not you, tell your administrator.
                """.formatted(minutes, minutes));
        try {
            sender.send(message);
        } catch (RuntimeException e) {
            log.warn("a login-lock email could not be sent: {}", e.getClass().getSimpleName());
        }
    }
}
