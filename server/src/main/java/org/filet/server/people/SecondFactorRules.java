package org.filet.server.people;

import java.util.Collection;
import java.util.function.Supplier;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AllRequiredFactorsAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * The factors a session needs, on top of the role a page asks for: a passkey (it proves possession and, through the
 * authenticator's own check, knowledge or presence: two factors), an administrator-issued API token, or a password
 * followed by a code ({@link #FACTOR_CODE}: a TOTP code or a recovery code). Built on Spring Security's
 * {@link FactorGrantedAuthority}; a session missing the code is sent to {@code /login/factor}.
 */
final class SecondFactorRules {

    /** Granted once a TOTP code or a recovery code has been checked in this session. */
    static final String FACTOR_CODE = "FACTOR_TOTP";

    private SecondFactorRules() {}

    static AuthorizationManager<RequestAuthorizationContext> required() {
        AllRequiredFactorsAuthorizationManager<RequestAuthorizationContext> passwordAndCode =
                AllRequiredFactorsAuthorizationManager.<RequestAuthorizationContext>builder()
                        .requireFactor(f -> f.passwordAuthority())
                        .requireFactor(f -> f.authority(FACTOR_CODE))
                        .build();
        return (authentication, context) -> {
            if (has(authentication.get(), FactorGrantedAuthority.WEBAUTHN_AUTHORITY)
                    || has(authentication.get(), FactorGrantedAuthority.BEARER_AUTHORITY)) {
                return new AuthorizationDecision(true);
            }
            return passwordAndCode.authorize(authentication, context);
        };
    }

    /** Logged in, with at least the password: the second step of the login and a first enrolment. */
    static AuthorizationManager<RequestAuthorizationContext> passwordAtLeast() {
        return (authentication, context) -> new AuthorizationDecision(loggedIn(authentication));
    }

    /**
     * May register a passkey: a fully logged-in user, or a user who has no factor yet (first enrolment). A password
     * alone never adds a factor to an account that has one: that would let a stolen password bypass the second factor.
     */
    static AuthorizationManager<RequestAuthorizationContext> mayEnrol(SecondFactors factors) {
        return (authentication, context) -> {
            if (!loggedIn(authentication) || !(authentication.get().getPrincipal() instanceof FiletPrincipal p)) {
                return new AuthorizationDecision(false);
            }
            return new AuthorizationDecision(
                    complete(authentication.get()) || !factors.of(p.user()).any());
        };
    }

    /** Both factors (or a passkey, or a token) are present. */
    static boolean complete(Authentication authentication) {
        return has(authentication, FactorGrantedAuthority.WEBAUTHN_AUTHORITY)
                || has(authentication, FactorGrantedAuthority.BEARER_AUTHORITY)
                || (has(authentication, FactorGrantedAuthority.PASSWORD_AUTHORITY) && has(authentication, FACTOR_CODE));
    }

    private static boolean loggedIn(Supplier<? extends Authentication> authentication) {
        Authentication a = authentication.get();
        return a != null && a.isAuthenticated() && !(a instanceof AnonymousAuthenticationToken);
    }

    static boolean has(Authentication authentication, String authority) {
        if (authentication == null) {
            return false;
        }
        Collection<? extends GrantedAuthority> authorities = authentication.getAuthorities();
        return authorities.stream().anyMatch(a -> authority.equals(a.getAuthority()));
    }
}
