package org.filet.server.people;

import java.time.Instant;

/** For tests elsewhere: the code an authenticator app would show for a secret, now or at a given time step. */
public final class TotpCodes {

    private TotpCodes() {}

    public static long currentStep() {
        return Totp.step(Instant.now());
    }

    public static String code(String base32Secret, long step) {
        return Totp.code(base32Secret, step);
    }
}
