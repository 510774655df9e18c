package org.filet.server.people;

import java.time.LocalDate;

/** For tests that open report pages: records a complete vetting for a user (checks, training, agreement). */
public final class Vetted {

    private Vetted() {}

    public static StaffUser vet(Vetting vetting, StaffUser user) {
        for (Vetting.Kind kind : vetting.missing(user.id())) {
            vetting.record(user, kind, LocalDate.now().minusDays(7), "Test Vérificatrice", null, user.id());
        }
        return user;
    }
}
