package org.filet.chatexport.whatsapp;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The chat name WhatsApp puts in the export's file name ({@code WhatsApp Chat with Alex.txt},
 * {@code WhatsApp Chat - Alex.zip}, localised prefixes). It is the name saved on the exporting phone.
 */
public final class ChatTitles {
    private static final List<String> PREFIXES = List.of(
            "WhatsApp Chat with ",
            "WhatsApp Chat - ",
            "WhatsApp Chat mit ",
            "Discussion WhatsApp avec ",
            "Chat WhatsApp s uživatelem ",
            "Чат WhatsApp с контактом ",
            "Chat de WhatsApp con ",
            "WhatsApp-chat met ",
            "Chat WhatsApp con ",
            "Conversa do WhatsApp com ",
            "WhatsApp Chat con ");

    private ChatTitles() {}

    /** The chat name in a file name (any folders and the extension are ignored), or null when there is none. */
    public static @Nullable String fromFileName(String fileName) {
        String name = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1)
                .replace('\u00A0', ' ')
                .replace('\u202F', ' ');
        int dot = name.lastIndexOf('.');
        if (dot > 0) {
            name = name.substring(0, dot);
        }
        for (String p : PREFIXES) {
            if (name.startsWith(p) && name.length() > p.length()) {
                return name.substring(p.length()).strip();
            }
        }
        return null;
    }
}
