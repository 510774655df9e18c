package org.filet.server.people;

import java.util.Locale;

/** What a staff user may do. Authority users belong to an authority, the others to an organisation. */
public enum Role {
    ANALYST, LEAD, ADMIN, AUTHORITY;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown role '" + value + "': use analyst, lead, admin or authority");
        }
    }
}
