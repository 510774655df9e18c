package org.filet.server.people;

import java.io.Serializable;
import java.util.UUID;

/** A member of staff as the rest of the platform sees them (serialisable: sessions are kept in the database). */
public record StaffUser(UUID id, UUID organisation, String email, String displayName, Role role)
        implements Serializable {

    /** How custody records name this user. */
    public String actor() {
        return "user:" + id;
    }

    @Override
    public String toString() {
        return "StaffUser[" + id + ", " + role + "]";
    }
}
