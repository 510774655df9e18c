package org.filet.server.people;

/** Staff passwords: long enough to resist guessing (NIST SP 800-63B: length over composition rules). */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;

    private PasswordPolicy() {
    }

    public static void check(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            throw new WeakPassword();
        }
    }

    /** The password is shorter than {@link #MIN_LENGTH}. */
    public static class WeakPassword extends IllegalArgumentException {
        public WeakPassword() {
            super("the password must have at least " + MIN_LENGTH + " characters");
        }
    }
}
