package org.filet.conversation;

import java.util.Locale;

/**
 * Where a conversation comes from: the chat-export formats the parsers read, or {@link #TEXT}, plain text (what a
 * reporter typed or pasted, a screenshot's OCR reading, a corpus line). {@link #jsonName()} is the value of the
 * {@code format} JSON field.
 */
public enum ChatFormat {
    WHATSAPP,
    MESSENGER,
    INSTAGRAM,
    TELEGRAM,
    DISCORD,
    SNAPCHAT,
    SMS,
    SIGNAL,
    TEXT;

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Requires a name produced by {@link #jsonName()}; otherwise throws {@link IllegalArgumentException}. */
    public static ChatFormat fromJsonName(String name) {
        for (ChatFormat f : values()) {
            if (f.jsonName().equals(name)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown chat format name (length " + name.length() + ")");
    }
}
