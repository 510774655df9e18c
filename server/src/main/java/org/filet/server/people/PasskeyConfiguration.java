package org.filet.server.people;

import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.filet.server.support.FiletSettings;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.management.JdbcPublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.JdbcUserCredentialRepository;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.security.web.webauthn.management.Webauthn4JRelyingPartyOperations;

/**
 * Passkeys (WebAuthn) through Spring Security, with credentials in PostgreSQL. The relying party is the host of
 * {@code FILET_PUBLIC_URL}; without one, {@code localhost} and the port the server actually listens on (known only once
 * it has started, hence an origin set filled in then).
 */
@Configuration(proxyBeanMethods = false)
class PasskeyConfiguration {

    private final Set<String> origins = ConcurrentHashMap.newKeySet();

    @Bean
    PublicKeyCredentialUserEntityRepository passkeyUsers(JdbcOperations jdbc) {
        return new JdbcPublicKeyCredentialUserEntityRepository(jdbc);
    }

    @Bean
    UserCredentialRepository passkeyCredentials(JdbcOperations jdbc) {
        return new JdbcUserCredentialRepository(jdbc);
    }

    @Bean
    WebAuthnRelyingPartyOperations relyingParty(
            PublicKeyCredentialUserEntityRepository users,
            UserCredentialRepository credentials,
            FiletSettings settings) {
        String rpId = "localhost";
        if (!settings.publicUrl().isBlank()) {
            URI uri = URI.create(settings.publicUrl());
            rpId = uri.getHost();
            origins.add(origin(uri));
        }
        return new Webauthn4JRelyingPartyOperations(
                users,
                credentials,
                PublicKeyCredentialRpEntity.builder().id(rpId).name("Filet").build(),
                origins);
    }

    /**
     * Spring Security's passkey login, whose result is turned into a session like the password one: the principal
     * is the staff user (not the WebAuthn user entity) and a deactivated user is refused.
     */
    @Bean
    org.springframework.security.config.Customizer<
                    org.springframework.security.config.annotation.web.configurers.WebAuthnConfigurer<
                            org.springframework.security.config.annotation.web.builders.HttpSecurity>>
            passkeyLogin(
                    WebAuthnRelyingPartyOperations relyingParty,
                    org.springframework.security.core.userdetails.UserDetailsService users) {
        var provider = new org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationProvider(
                relyingParty, users);
        org.springframework.security.authentication.AuthenticationManager manager = request -> {
            var authenticated = provider.authenticate(request);
            var principal = (FiletPrincipal) users.loadUserByUsername(authenticated.getName());
            if (!principal.isEnabled()) {
                throw new org.springframework.security.authentication.DisabledException("account deactivated");
            }
            return org.springframework.security.authentication.UsernamePasswordAuthenticationToken.authenticated(
                    principal, null, authenticated.getAuthorities());
        };
        PasskeyCreationOptions creationOptions = new PasskeyCreationOptions();
        return passkeys -> passkeys.disableDefaultRegistrationPage(true)
                .creationOptionsRepository(creationOptions)
                .withObjectPostProcessor(
                        new org.springframework.security.config.ObjectPostProcessor<
                                org.springframework.security.web.webauthn.authentication
                                        .WebAuthnAuthenticationFilter>() {
                            @Override
                            public <
                                            O extends
                                                    org.springframework.security.web.webauthn.authentication
                                                                    .WebAuthnAuthenticationFilter>
                                    O postProcess(O filter) {
                                filter.setAuthenticationManager(manager);
                                return filter;
                            }
                        });
    }

    @EventListener
    void onStarted(WebServerInitializedEvent event) {
        origins.add("http://localhost:" + event.getWebServer().getPort());
    }

    private static String origin(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
    }
}
