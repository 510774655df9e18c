package org.filet.conversation;

import java.util.Locale;

/** Facts about one message that the export states explicitly. */
public enum MessageFlag {
    EDITED,
    FORWARDED,
    REPLY,
    VIEW_ONCE,
    UNSENT,
    PINNED,
    SELF_DESTRUCT,
    SAVED,
    NOT_SAVED,
    FROM_ACCOUNT_OWNER;

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static MessageFlag fromJsonName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
