package org.filet.server.people;

import java.util.Locale;

/**
 * What a staff user may do. Authority users belong to an authority, the others to an organisation. An instance
 * administrator is an administrator of their organisation who also governs what the whole platform shares: the
 * authorities directory, organisations, federation partners.
 */
public enum Role {
    ANALYST,
    LEAD,
    ADMIN,
    AUTHORITY,
    INSTANCE_ADMIN;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Administers an organisation (an instance administrator does too). */
    public boolean administers() {
        return this == ADMIN || this == INSTANCE_ADMIN;
    }

    /** May approve and refer: a lead or an administrator. */
    public boolean leads() {
        return this == LEAD || administers();
    }

    public static Role parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException(
                    "unknown role '" + value + "': use analyst, lead, admin, instance-admin or authority");
        }
    }
}
