package org.filet.server.people;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bringing a person into an organisation: the account is created without a password, and a one-time link (24 hours)
 * lets them choose one; the link is emailed when mail is configured, and otherwise handed to the administrator to pass
 * on. Recorded in the audit.
 */
@Component
public class Invitations {

    private static final Logger log = LoggerFactory.getLogger(Invitations.class);

    private final StaffUsers users;
    private final PublicAddress address;
    private final PeopleAudit audit;
    private final ObjectProvider<JavaMailSender> mail;

    Invitations(StaffUsers users, PublicAddress address, PeopleAudit audit, ObjectProvider<JavaMailSender> mail) {
        this.users = users;
        this.address = address;
        this.audit = audit;
        this.mail = mail;
    }

    /** The invited user, their link, and whether it was emailed. */
    public record Invitation(StaffUser user, String link, boolean mailed) {}

    @Transactional
    public Invitation invite(UUID organisation, String email, @Nullable String name, Role role, @Nullable UUID by) {
        StaffUser user = users.create(organisation, email, name, role);
        String link = linkFor(user);
        audit.record(
                organisation,
                by,
                "user.invited",
                user.id(),
                null,
                Map.of("email", user.email(), "role", role.dbValue()));
        return new Invitation(user, link, send(user, link));
    }

    /** A new one-time password link for an existing user. */
    public String linkFor(StaffUser user) {
        return address.base() + "/setup/" + users.issueLinkToken(user.id());
    }

    private boolean send(StaffUser user, String link) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            return false;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setTo(user.email());
        message.setFrom("filet@"
                + Optional.ofNullable(java.net.URI.create(address.base()).getHost())
                        .orElse("localhost"));
        message.setSubject("[Filet] Votre compte / Your account");
        message.setText("""
                Un compte Filet a été créé pour vous. Choisissez votre mot de passe (lien valable 24 heures, une seule fois) :
                A Filet account was created for you. Choose your password (link valid 24 hours, once):

                %s
                """.formatted(link));
        try {
            sender.send(message);
            return true;
        } catch (RuntimeException e) {
            log.warn("the invitation email could not be sent: {}", e.getClass().getSimpleName());
            return false;
        }
    }
}
