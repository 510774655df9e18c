package org.filet.verify;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.regex.Pattern;

/**
 * SHA-256 helpers (FIPS 180-4) over the JDK's implementation, for the package format, the verifier and the server.
 * A content address is 64 lower-case hex characters.
 */
public final class Sha256 {
    private static final Pattern ADDRESS = Pattern.compile("[0-9a-f]{64}");

    private Sha256() {}

    /** Whether {@code value} is a content address (64 lower-case hex characters). */
    public static boolean isAddress(String value) {
        return value != null && ADDRESS.matcher(value).matches();
    }

    /** {@code value}, when it is a content address; otherwise throws {@link IllegalArgumentException}. */
    public static String requireAddress(String value) {
        if (!isAddress(value)) {
            throw new IllegalArgumentException("not a SHA-256 content address (64 lower-case hex characters)");
        }
        return value;
    }

    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }

    public static byte[] of(byte[] data) {
        return newDigest().digest(data);
    }

    public static String hex(byte[] data) {
        return Hex.encode(of(data));
    }

    /** Hashes the stream to its end; does not close it. */
    public static byte[] of(InputStream in) throws IOException {
        MessageDigest md = newDigest();
        byte[] buf = new byte[1 << 16];
        int n;
        while ((n = in.read(buf)) > 0) {
            md.update(buf, 0, n);
        }
        return md.digest();
    }
}
