package org.filet.server.intake;

import org.filet.server.support.FiletSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Tells a reporter who asked for it, by email, that their report's plain status changed (passed to the police,
 * closed). Nothing else: no name, no authority, nothing that could harm an investigation. Only when SMTP is set.
 */
@Component
class StatusMail {

    private static final Logger log = LoggerFactory.getLogger(StatusMail.class);

    private final ObjectProvider<JavaMailSender> mail;
    private final MessageSource messages;
    private final FiletSettings settings;

    StatusMail(ObjectProvider<JavaMailSender> mail, MessageSource messages, FiletSettings settings) {
        this.mail = mail;
        this.messages = messages;
        this.settings = settings;
    }

    void send(String to, String language, String receipt, String status) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null || to == null) {
            return;
        }
        java.util.Locale locale = java.util.Locale.forLanguageTag(language == null ? "fr" : language);
        SimpleMailMessage message = new SimpleMailMessage();
        message.setTo(to);
        message.setFrom("filet@localhost");
        message.setSubject(messages.getMessage("mail.status.subject", new Object[] {receipt}, locale));
        message.setText(messages.getMessage(
                "mail.status.body",
                new Object[] {
                    receipt,
                    messages.getMessage("status.state." + status, null, locale),
                    (settings.publicUrl().isBlank() ? "" : settings.publicUrl().replaceAll("/+$", "")) + "/status"
                },
                locale));
        try {
            sender.send(message);
        } catch (RuntimeException e) {
            log.warn("a status email could not be sent: {}", e.getClass().getSimpleName());
        }
    }
}
