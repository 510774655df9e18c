package org.filet.server.support;

/**
 * Text that PostgreSQL (and every reader after it) can hold. PostgreSQL refuses NUL in {@code text}; an unpaired UTF-16
 * surrogate cannot be encoded in UTF-8 at all; non-characters (U+FFFE, U+FFFF, U+FDD0–U+FDEF and the last two code
 * points of every plane) are reserved for a program's internal use and never belong in exchanged text. Input holding
 * any of them is refused at the door with the field named, rather than failing later inside a transaction.
 */
public final class StorableText {

    private StorableText() {}

    /** The index of the first character that cannot be stored, or -1 when the whole text can. */
    public static int firstUnstorable(CharSequence text) {
        if (text == null) {
            return -1;
        }
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return i;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                    if (nonCharacter(Character.toCodePoint(c, text.charAt(i + 1)))) {
                        return i;
                    }
                    i++;
                    continue;
                }
                return i;
            }
            if (Character.isLowSurrogate(c) || nonCharacter(c)) {
                return i;
            }
        }
        return -1;
    }

    public static boolean storable(CharSequence text) {
        return firstUnstorable(text) < 0;
    }

    static boolean nonCharacter(int codePoint) {
        return (codePoint >= 0xFDD0 && codePoint <= 0xFDEF) || (codePoint & 0xFFFE) == 0xFFFE;
    }

    /** A field of a request holds text that cannot be stored; the request is refused with the field named. */
    public static final class Refused extends RuntimeException {
        private final String field;

        public Refused(String field) {
            super(
                    field
                            + ": this text holds a character that cannot be stored (NUL, an unpaired surrogate or a non-character)");
            this.field = field;
        }

        public String field() {
            return field;
        }
    }
}
