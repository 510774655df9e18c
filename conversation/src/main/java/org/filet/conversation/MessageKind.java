package org.filet.conversation;

import java.util.Locale;

/**
 * What an entry of a conversation is. {@link #MEDIA} means media referenced by the export but not included in it
 * ({@code <Media omitted>}, a Telegram file not downloaded, an unsaved Snapchat snap). {@link #UNPARSED} is a line or
 * record the parser could not place; it is kept with its position, never dropped.
 */
public enum MessageKind {
    MESSAGE,
    SYSTEM,
    DELETED,
    MEDIA,
    CALL,
    UNPARSED;

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static MessageKind fromJsonName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
