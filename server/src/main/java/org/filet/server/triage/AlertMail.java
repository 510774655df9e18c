package org.filet.server.triage;

import java.util.List;
import java.util.UUID;
import org.filet.server.people.StaffUsers;
import org.filet.server.support.FiletSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Emails an organisation's leads when one of its reports becomes urgent, if SMTP is configured ({@code spring.mail.host}).
 * The message says only that an urgent report waits, its number, the rules that fired and where to open it: no child's
 * data, no chat text, nothing an intercepted email could expose. A mail that cannot be sent is logged; the in-app
 * alert stands regardless.
 */
@Component
class AlertMail {

    private static final Logger log = LoggerFactory.getLogger(AlertMail.class);

    private final ObjectProvider<JavaMailSender> mail;
    private final StaffUsers staff;
    private final FiletSettings settings;

    AlertMail(ObjectProvider<JavaMailSender> mail, StaffUsers staff, FiletSettings settings) {
        this.mail = mail;
        this.staff = staff;
        this.settings = settings;
    }

    void send(UUID organisation, String receipt, List<String> reasons) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            return;
        }
        List<String> leads = staff.leadEmails(organisation);
        if (leads.isEmpty()) {
            return;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setTo(leads.toArray(String[]::new));
        message.setFrom("filet@" + hostOf(settings.publicUrl()));
        message.setSubject("[Filet] Signalement urgent / urgent report " + receipt);
        String link =
                (settings.publicUrl().isBlank() ? "" : settings.publicUrl().replaceAll("/+$", "")) + "/staff/reports/"
                        + receipt;
        message.setText("Un signalement urgent attend un responsable. / An urgent report needs a lead.\n\n" + receipt
                + "\n" + String.join(", ", reasons) + "\n\n" + link + "\n");
        try {
            sender.send(message);
        } catch (RuntimeException e) {
            log.warn(
                    "the urgent-report email could not be sent: {}",
                    e.getClass().getSimpleName());
        }
    }

    private static String hostOf(String url) {
        String host = url.replaceFirst("^[a-z]+://", "").replaceFirst("[:/].*$", "");
        return host.isBlank() ? "localhost" : host;
    }
}
