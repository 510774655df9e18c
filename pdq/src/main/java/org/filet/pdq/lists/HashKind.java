package org.filet.pdq.lists;

/** The hash types found in exchanged hash lists, with their hex length. */
public enum HashKind {
    /** 256-bit PDQ perceptual hash (matched by distance, not equality). */
    PDQ(64),
    MD5(32),
    SHA1(40),
    SHA256(64);

    private final int hexLength;

    HashKind(int hexLength) {
        this.hexLength = hexLength;
    }

    public int hexLength() {
        return hexLength;
    }

    /** Whether {@code s} is exactly {@link #hexLength()} hex digits. */
    boolean accepts(String s) {
        if (s.length() != hexLength) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (Character.digit(s.charAt(i), 16) < 0 || s.charAt(i) > 'f') {
                return false;
            }
        }
        return true;
    }
}
