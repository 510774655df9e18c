package org.filet.server.people;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.RegexRequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who may reach what. The public report form, the intake API and the reporter's status need no account; staff pages
 * need a login with two factors: a password and a code from an authenticator app (or a recovery code), or a passkey
 * alone (which is something held and something known or are). API tokens for scripts are issued by an administrator
 * and are a factor of their own. Every page gets a strict Content-Security-Policy: no inline script, no inline style,
 * nothing from another origin.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
            + "form-action 'self'";

    @Bean
    PasswordEncoder passwordEncoder() {
        // Argon2id with Spring Security 5.8 defaults; the id prefix lets the scheme be upgraded later.
        return new DelegatingPasswordEncoder(
                "argon2", Map.of("argon2", Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8()));
    }

    @Bean
    UserDetailsService userDetailsService(StaffUsers users) {
        return email -> users.credentials(email)
                .map(c -> new FiletPrincipal(c.user(), c.passwordHash(), c.enabled()))
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
    }

    /** Every rule that asks for a role or a login also asks for the second factor (see {@link SecondFactorRules}). */
    @Bean
    org.springframework.security.authorization.AuthorizationManagerFactory<
                    org.springframework.security.web.access.intercept.RequestAuthorizationContext>
            authorizationManagerFactory() {
        var factory = new org.springframework.security.authorization.DefaultAuthorizationManagerFactory<
                org.springframework.security.web.access.intercept.RequestAuthorizationContext>();
        factory.setAdditionalAuthorization(SecondFactorRules.required());
        return factory;
    }

    @Bean
    @org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication
    SecurityFilterChain filterChain(
            HttpSecurity http,
            StaffUsers users,
            SecondFactors factors,
            LoginThrottle loginThrottle,
            org.springframework.security.config.Customizer<
                            org.springframework.security.config.annotation.web.configurers.WebAuthnConfigurer<
                                    HttpSecurity>>
                    passkeyLogin)
            throws Exception {
        http.authorizeHttpRequests(auth -> auth.requestMatchers(
                                "/",
                                "/report",
                                "/report/**",
                                "/status",
                                "/status/files",
                                "/privacy",
                                "/legal",
                                "/lang/**",
                                "/css/**",
                                "/img/**",
                                "/js/**",
                                "/favicon.ico",
                                "/login",
                                LoginThrottle.LOCKED_PATH,
                                "/setup/**",
                                "/error",
                                "/actuator/health",
                                "/v3/api-docs",
                                "/v3/api-docs/**",
                                "/.well-known/filet/**",
                                "/webauthn/authenticate/options",
                                "/login/webauthn")
                        .permitAll()
                        // the second step of a login and the first enrolment: reached with the password alone
                        .requestMatchers("/login/factor", "/enrol", "/enrol/**")
                        .access(SecondFactorRules.passwordAtLeast())
                        .requestMatchers("/webauthn/register/**")
                        .access(SecondFactorRules.mayEnrol(factors))
                        .requestMatchers(HttpMethod.POST, "/api/v1/reports")
                        .permitAll()
                        // the ledger's heads, proofs and witnesses' cosignatures are public (a count and hashes only)
                        .requestMatchers(
                                HttpMethod.GET,
                                "/api/v1/ledger/head",
                                "/api/v1/ledger/checkpoint",
                                "/api/v1/ledger/consistency")
                        .permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/ledger/cosignatures")
                        .permitAll()
                        .requestMatchers(
                                RegexRequestMatcher.regexMatcher(HttpMethod.GET, "^/api/v1/reports/[A-Za-z0-9-]+$"))
                        .permitAll()
                        .requestMatchers(RegexRequestMatcher.regexMatcher(
                                HttpMethod.GET, "^/api/v1/reports/[A-Za-z0-9-]+/package$"))
                        .hasAnyRole("ANALYST", "LEAD", "ADMIN")
                        .requestMatchers(RegexRequestMatcher.regexMatcher(
                                HttpMethod.POST, "^/api/v1/reports/[A-Za-z0-9-]+/evidence$"))
                        .permitAll()
                        .requestMatchers(RegexRequestMatcher.regexMatcher(
                                HttpMethod.DELETE, "^/api/v1/reports/[A-Za-z0-9-]+/contact$"))
                        .permitAll()
                        .requestMatchers("/admin/**")
                        .hasRole("ADMIN")
                        // operators' metrics: an administrator's session or API token (a scraper's bearer token)
                        .requestMatchers("/actuator/prometheus")
                        .hasRole("ADMIN")
                        .requestMatchers("/authority/**")
                        .hasRole("AUTHORITY")
                        .requestMatchers("/staff/**")
                        .hasAnyRole("ANALYST", "LEAD", "ADMIN")
                        .anyRequest()
                        .authenticated())
                .csrf(csrf -> csrf.ignoringRequestMatchers("/api/**")
                        // a bearer token is not sent by browsers on their own: no cross-site request can carry it
                        .ignoringRequestMatchers(request -> {
                            String auth = request.getHeader("Authorization");
                            return auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7);
                        }))
                .formLogin(form -> form.loginPage("/login")
                        .successHandler((request, response, auth) -> {
                            loginThrottle.succeeded(auth.getName());
                            response.sendRedirect(request.getContextPath() + "/login/factor");
                        })
                        .failureHandler(loginThrottle.failureHandler())
                        .permitAll())
                // wrong passwords are counted per account and address; a locked one is refused (429) before its
                // password is read
                .addFilterBefore(loginThrottle.filter(), UsernamePasswordAuthenticationFilter.class)
                .webAuthn(passkeyLogin)
                .exceptionHandling(e -> e.defaultDeniedHandlerForMissingAuthority(
                        new org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint(
                                "/login/factor"),
                        SecondFactorRules.FACTOR_CODE))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .addFilterBefore(new BearerTokenFilter(users), UsernamePasswordAuthenticationFilter.class)
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                        .frameOptions(f -> f.deny()));
        return http.build();
    }

    /** {@code Authorization: Bearer filet_…} authenticates API calls as the token's user. */
    static final class BearerTokenFilter extends OncePerRequestFilter {
        private final StaffUsers users;

        BearerTokenFilter(StaffUsers users) {
            this.users = users;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String header = request.getHeader("Authorization");
            if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                users.byToken(header.substring(7).trim())
                        .ifPresentOrElse(
                                user -> {
                                    FiletPrincipal principal = new FiletPrincipal(user, "", true);
                                    java.util.List<org.springframework.security.core.GrantedAuthority> authorities =
                                            new java.util.ArrayList<>(principal.getAuthorities());
                                    // an administrator-issued token is its own factor: scripts have no second step
                                    authorities.add(
                                            org.springframework.security.core.authority.FactorGrantedAuthority
                                                    .fromAuthority(
                                                            org.springframework.security.core.authority
                                                                    .FactorGrantedAuthority.BEARER_AUTHORITY));
                                    SecurityContextHolder.getContext()
                                            .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                                                    principal, null, authorities));
                                },
                                () -> request.setAttribute("filet.badToken", Boolean.TRUE));
            }
            chain.doFilter(request, response);
        }
    }
}
