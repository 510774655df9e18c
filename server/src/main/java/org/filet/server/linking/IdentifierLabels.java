package org.filet.server.linking;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * An identifier's key ({@code ACCOUNT/snapchat/max93.off}, {@code PHONE//+33647218835}) as a reader says it: the
 * platform's name or the kind in words, then the value. {@code ${@identifierLabels.label(key, #locale)}} on pages.
 */
@Component("identifierLabels")
public class IdentifierLabels {

    private final MessageSource messages;

    IdentifierLabels(MessageSource messages) {
        this.messages = messages;
    }

    public String label(String key, Locale locale) {
        String[] parts = key.split("/", 3);
        if (parts.length != 3) {
            return key;
        }
        String what = parts[1].isEmpty()
                ? messages.getMessage("link.kind." + parts[0], null, parts[0].toLowerCase(Locale.ROOT), locale)
                : messages.getMessage("platform." + parts[1], null, parts[1], locale);
        return what + " " + parts[2];
    }
}
