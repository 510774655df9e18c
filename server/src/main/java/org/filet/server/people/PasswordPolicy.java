package org.filet.server.people;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Staff passwords per NIST SP 800-63B §5.1.1.2: at least 12 characters, any characters (spaces and emoji too), no
 * composition rules, and refused when the password is common or known from breaches (a list shipped with Filet, checked
 * offline), repetitive or sequential ({@code aaaaaaaaaaaa}, {@code 123456789012}), or a common password with a few
 * digits or symbols appended ({@code password1234!}). Stored with Argon2id.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    static final String LIST = "/people/common-passwords.txt";

    private static volatile Set<String> common;

    private PasswordPolicy() {}

    public static void check(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            throw new WeakPassword();
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (repetitive(lower) || sequential(lower)) {
            throw new RepetitivePassword();
        }
        Set<String> list = common();
        String core = lower.replaceAll("[\\d\\p{Punct}\\s]+$", "");
        if (list.contains(lower)
                || list.contains(lower.replace(" ", ""))
                || (core.length() >= 4 && lower.length() - core.length() <= 6 && list.contains(core))) {
            throw new CommonPassword();
        }
    }

    /** One short pattern repeated ({@code aaaa…}, {@code abab…}, {@code abcabc…}), or very few distinct characters. */
    static boolean repetitive(String p) {
        return p.matches("(?s)(.{1,4}?)\\1+") || p.codePoints().distinct().count() < 4;
    }

    /** Characters that each follow the previous one up or down by one ({@code 123456789012}, {@code abcdefghijkl}). */
    static boolean sequential(String p) {
        int[] cps = p.codePoints().toArray();
        int runs = 0;
        for (int i = 1; i < cps.length; i++) {
            int d = cps[i] - cps[i - 1];
            if (d == 1 || d == -1 || (cps[i - 1] == '9' && cps[i] == '0') || (cps[i - 1] == '0' && cps[i] == '9')) {
                runs++;
            }
        }
        return runs >= cps.length - 2;
    }

    private static Set<String> common() {
        Set<String> loaded = common;
        if (loaded == null) {
            Set<String> set = new HashSet<>(100_000);
            try (InputStream in = PasswordPolicy.class.getResourceAsStream(LIST)) {
                if (in == null) {
                    throw new IllegalStateException(LIST + " is missing from the build");
                }
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                for (String line; (line = reader.readLine()) != null; ) {
                    if (!line.isEmpty() && !line.startsWith("#")) {
                        set.add(line);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            common = loaded = Set.copyOf(set);
        }
        return loaded;
    }

    /** The password is refused; the message key says why, in the reader's language. */
    public static class WeakPassword extends IllegalArgumentException {
        public WeakPassword() {
            this("the password must have at least " + MIN_LENGTH + " characters");
        }

        WeakPassword(String message) {
            super(message);
        }

        public String messageKey() {
            return "setup.error.password";
        }
    }

    /** The password is in the list of common and breached passwords, or is one with a few characters appended. */
    public static class CommonPassword extends WeakPassword {
        CommonPassword() {
            super("the password is too common or known from breaches");
        }

        @Override
        public String messageKey() {
            return "password.error.common";
        }
    }

    /** The password repeats a short pattern or runs through a sequence. */
    public static class RepetitivePassword extends WeakPassword {
        RepetitivePassword() {
            super("the password is repetitive or sequential");
        }

        @Override
        public String messageKey() {
            return "password.error.repetitive";
        }
    }
}
