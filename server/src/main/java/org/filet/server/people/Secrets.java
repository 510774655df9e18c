package org.filet.server.people;

import java.security.SecureRandom;
import org.filet.verify.Sha256;

/** Random tokens for links and API access; only their SHA-256 is stored. */
final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();

    private Secrets() {}

    static String token(String prefix, int length) {
        StringBuilder sb = new StringBuilder(prefix);
        for (int i = 0; i < length; i++) {
            sb.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return sb.toString();
    }

    static String hash(String token) {
        return Sha256.hex(token.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
