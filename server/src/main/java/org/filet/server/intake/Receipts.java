package org.filet.server.intake;

import java.security.SecureRandom;
import org.filet.verify.Sha256;

/**
 * Receipts and access codes, in Crockford's base 32 (no I, L, O, U: nothing to misread on a phone). A receipt names a
 * report; the access code (60 random bits) proves the holder is its reporter and is stored only as a hash.
 */
final class Receipts {

    private static final char[] CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Receipts() {}

    static String newReceipt() {
        return "R-" + groups(12);
    }

    static String newAccessCode() {
        return groups(12);
    }

    static String hashAccessCode(String receipt, String code) {
        return Sha256.hex((receipt + "\n" + normalise(code)).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Codes are typed by people: ignore case, spaces and dashes, and read O as 0, I and L as 1. */
    static String normalise(String code) {
        StringBuilder sb = new StringBuilder(code.length());
        for (char c : code.toUpperCase(java.util.Locale.ROOT).toCharArray()) {
            if (c == ' ' || c == '-') {
                continue;
            }
            sb.append(c == 'O' ? '0' : c == 'I' || c == 'L' ? '1' : c);
        }
        return sb.toString();
    }

    private static String groups(int length) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            if (i > 0 && i % 4 == 0) {
                sb.append('-');
            }
            sb.append(CROCKFORD[RANDOM.nextInt(CROCKFORD.length)]);
        }
        return sb.toString();
    }
}
