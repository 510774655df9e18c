package org.filet.server.evidence;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** SHA-256 helpers; a content address is 64 lower-case hex characters. */
public final class Sha256 {

    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

    private Sha256() {
    }

    public static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }

    public static String hex(byte[] data) {
        return HexFormat.of().formatHex(digest().digest(data));
    }

    public static boolean isAddress(String value) {
        return value != null && HEX.matcher(value).matches();
    }

    public static String requireAddress(String value) {
        if (!isAddress(value)) {
            throw new IllegalArgumentException("not a SHA-256 content address (64 lower-case hex characters)");
        }
        return value;
    }
}
