package org.filet.pdq;

import java.util.Locale;

/**
 * A 256-bit PDQ hash, immutable. Bit {@code k} (0 = least significant) is the DCT coefficient at row {@code k / 16},
 * column {@code k % 16}; {@link #toHex()} prints the 256-bit integer as 64 lower-case hex digits, most significant first,
 * which is the exchange format used by ThreatExchange, HMA and NCMEC lists.
 *
 * <p>{@link #distanceTo(PdqHash)} is the reference Hamming distance; the fast paths live in the match indexes.
 */
public final class PdqHash {

    /** Number of hex digits in the text form. */
    public static final int HEX_LENGTH = 64;

    private final long w0;
    private final long w1;
    private final long w2;
    private final long w3;

    private PdqHash(long w0, long w1, long w2, long w3) {
        this.w0 = w0;
        this.w1 = w1;
        this.w2 = w2;
        this.w3 = w3;
    }

    /** The hash whose bits 0..63 are {@code w0}, 64..127 are {@code w1}, and so on. */
    public static PdqHash ofWords(long w0, long w1, long w2, long w3) {
        return new PdqHash(w0, w1, w2, w3);
    }

    /** Reads words {@code words[offset .. offset+3]}, least significant first. */
    public static PdqHash ofWords(long[] words, int offset) {
        return new PdqHash(words[offset], words[offset + 1], words[offset + 2], words[offset + 3]);
    }

    /**
     * Parses 64 hex digits (either case, no prefix, no spaces).
     *
     * @throws InvalidPdqHashException if the text is not exactly 64 hex digits
     */
    public static PdqHash parse(CharSequence hex) {
        if (hex == null) {
            throw new InvalidPdqHashException("PDQ hash is missing");
        }
        if (hex.length() != HEX_LENGTH) {
            throw new InvalidPdqHashException("PDQ hash must be 64 hex digits, got " + hex.length() + " characters");
        }
        long[] w = new long[4];
        for (int i = 0; i < HEX_LENGTH; i++) {
            int d = Character.digit(hex.charAt(i), 16);
            if (d < 0 || hex.charAt(i) > 'f') {
                throw new InvalidPdqHashException("PDQ hash has a non-hex character at position " + i);
            }
            int word = 3 - i / 16;
            w[word] = (w[word] << 4) | d;
        }
        return new PdqHash(w[0], w[1], w[2], w[3]);
    }

    /** Word {@code i} (0..3): bits {@code 64*i .. 64*i+63}. */
    public long word(int i) {
        switch (i) {
            case 0:
                return w0;
            case 1:
                return w1;
            case 2:
                return w2;
            case 3:
                return w3;
            default:
                throw new IndexOutOfBoundsException("word index " + i);
        }
    }

    /** Copies the four words to {@code dest[offset .. offset+3]}, least significant first. */
    public void copyTo(long[] dest, int offset) {
        dest[offset] = w0;
        dest[offset + 1] = w1;
        dest[offset + 2] = w2;
        dest[offset + 3] = w3;
    }

    /** Bit {@code k} (0..255). */
    public boolean bit(int k) {
        if (k < 0 || k > 255) {
            throw new IndexOutOfBoundsException("bit index " + k);
        }
        return ((word(k >>> 6) >>> (k & 63)) & 1L) != 0;
    }

    /** Number of set bits (128 for a typical hash). */
    public int bitCount() {
        return Long.bitCount(w0) + Long.bitCount(w1) + Long.bitCount(w2) + Long.bitCount(w3);
    }

    /** Hamming distance: the number of differing bits, 0..256. */
    public int distanceTo(PdqHash other) {
        return Long.bitCount(w0 ^ other.w0)
                + Long.bitCount(w1 ^ other.w1)
                + Long.bitCount(w2 ^ other.w2)
                + Long.bitCount(w3 ^ other.w3);
    }

    /** 64 lower-case hex digits, most significant first. */
    public String toHex() {
        StringBuilder sb = new StringBuilder(HEX_LENGTH);
        appendWord(sb, w3);
        appendWord(sb, w2);
        appendWord(sb, w1);
        appendWord(sb, w0);
        return sb.toString();
    }

    private static void appendWord(StringBuilder sb, long w) {
        String s = Long.toHexString(w);
        for (int i = s.length(); i < 16; i++) {
            sb.append('0');
        }
        sb.append(s.toLowerCase(Locale.ROOT));
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof PdqHash)) {
            return false;
        }
        PdqHash h = (PdqHash) o;
        return w0 == h.w0 && w1 == h.w1 && w2 == h.w2 && w3 == h.w3;
    }

    @Override
    public int hashCode() {
        long x = w0 * 31 + w1;
        x = x * 31 + w2;
        x = x * 31 + w3;
        return Long.hashCode(x);
    }

    /** The hex form (a PDQ hash is exchanged openly between organisations; it is not a sensitive value). */
    @Override
    public String toString() {
        return toHex();
    }
}
