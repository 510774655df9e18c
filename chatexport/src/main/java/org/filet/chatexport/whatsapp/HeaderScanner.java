package org.filet.chatexport.whatsapp;

import org.jspecify.annotations.Nullable;

/**
 * Recognises a WhatsApp message header at the start of a line without regular expressions (see CHAT-FORMATS.md 1.2):
 * {@code [marks] ["["] DATE SEP TIME [AMPM] ["]"] HEADSEP}, or time first (Vietnamese iOS). Digits may be any Unicode
 * decimal digits; U+00A0 and U+202F count as spaces; direction marks are skipped between tokens.
 */
final class HeaderScanner {
    /** Offset of the time fields in the scratch array (the date uses 0..8). */
    private static final int T = 9;

    private static final String[] SEP_WORDS = {"à", "klo", "um", "at", "kl."};
    /**
     * Morning and afternoon markers other than a.m./p.m., in pairs (AM, PM), longest first: Arabic, Persian, Greek,
     * Vietnamese, Marathi, Hindi, Chinese, Japanese, Korean. The last three also come before the time
     * ({@code 下午2:56:00}, {@code 오후 2:56}).
     */
    private static final String[][] MARKERS = {
        {"\u0642.\u0638.", "\u0628.\u0638."},
        {"\u0642.\u0638", "\u0628.\u0638"},
        {"\u0635", "\u0645"},
        {"\u03C0.\u03BC.", "\u03BC.\u03BC."},
        {"\u03C0\u03BC", "\u03BC\u03BC"},
        {"SA", "CH"},
        {"\u092E.\u092A\u0942.", "\u092E.\u0909."},
        {"\u092A\u0942\u0930\u094D\u0935\u093E\u0939\u094D\u0928", "\u0905\u092A\u0930\u093E\u0939\u094D\u0928"},
        {"\u4E0A\u5348", "\u4E0B\u5348"},
        {"\u5348\u524D", "\u5348\u5F8C"},
        {"\uC624\uC804", "\uC624\uD6C4"}
    };
    /** Index in {@link #MARKERS} of the first pair that may also come before the time. */
    private static final int PREFIX_MARKERS = 8;

    private HeaderScanner() {}

    static boolean isMark(char c) {
        if (c < '\u061C') {
            return false;
        }
        return c == '\u200E'
                || c == '\u200F'
                || c == '\uFEFF'
                || (c >= '\u202A' && c <= '\u202E')
                || (c >= '\u2066' && c <= '\u2069')
                || c == '\u061C';
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\u00A0' || c == '\u202F' || c == '\t' || c == '\u2009';
    }

    private static int skipMarks(String s, int i) {
        while (i < s.length() && isMark(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int digit(String s, int i) {
        if (i >= s.length()) {
            return -1;
        }
        char c = s.charAt(i);
        if (c <= '9') {
            return c >= '0' ? c - '0' : -1;
        }
        return c < 128 ? -1 : Character.digit(c, 10);
    }

    /** Reads 1..max digits at i; returns value*8 + count, or -1. */
    private static long number(String s, int i, int max) {
        long v = 0;
        int n = 0;
        while (n < max) {
            int d = digit(s, i + n);
            if (d < 0) {
                break;
            }
            v = v * 10 + d;
            n++;
        }
        if (n == 0 || digit(s, i + n) >= 0) {
            return -1;
        }
        return v * 8 + n;
    }

    static @Nullable Header scan(String s) {
        return scan(s, new int[14]);
    }

    /** As {@link #scan(String)}, with caller-provided scratch space of 14 ints (reused across lines). */
    static @Nullable Header scan(String s, int[] scratch) {
        int i = skipMarks(s, 0);
        if (i >= s.length()) {
            return null;
        }
        boolean bracket = s.charAt(i) == '[';
        if (bracket) {
            i = skipMarks(s, i + 1);
        }
        int atStart = i;
        if (digit(s, i) < 0) {
            return null;
        }
        int[] date = scratch;
        int[] time = scratch;
        int atEnd;
        int afterDate = date(s, i, date);
        if (afterDate > 0) {
            int j = dateTimeSep(s, afterDate);
            if (j < 0) {
                return null;
            }
            int before = j < s.length() && digit(s, j) < 0 ? marker(s, j, PREFIX_MARKERS) : 0;
            if (before != 0) {
                j = skipMarks(s, j + MARKERS[(before >> 2)][(before & 3) - 1].length());
                while (j < s.length() && isSpace(s.charAt(j))) {
                    j++;
                }
            }
            if (time(s, j, time) < 0) {
                return null;
            }
            if (before != 0 && time[T + 3] == 0) {
                time[T + 3] = before & 3;
            }
            atEnd = time[T + 4];
        } else {
            // time first, then ", " and the date (Vietnamese iOS)
            if (time(s, i, time) < 0) {
                return null;
            }
            int j = time[T + 4];
            if (j < s.length() && s.charAt(j) == ',') {
                j++;
            }
            while (j < s.length() && isSpace(s.charAt(j))) {
                j++;
            }
            afterDate = date(s, j, date);
            if (afterDate < 0) {
                return null;
            }
            atEnd = afterDate;
        }
        int k = skipMarks(s, atEnd);
        boolean dash = false;
        int body;
        if (bracket) {
            if (k >= s.length() || s.charAt(k) != ']') {
                return null;
            }
            k = skipMarks(s, k + 1);
            if (k < s.length() && isSpace(s.charAt(k))) {
                k++;
            } else if (k < s.length()) {
                return null;
            }
            body = k;
        } else {
            int d = dashSep(s, k);
            if (d >= 0) {
                dash = true;
                body = d;
            } else if (k + 1 < s.length()
                    && s.charAt(k) == ':'
                    && isSpace(s.charAt(k + 1))
                    && s.indexOf(": ", k + 2) > k + 2) {
                body = k + 2; // "13.06.18 21.25.15: author: text"
            } else if ((date[8] & 1) == 1 && time[T + 2] >= 0 && k < s.length() && isSpace(s.charAt(k))) {
                body = k + 1; // Croatian "13. 6. 2018. 21:25:15 author: text"
            } else {
                return null;
            }
        }
        return new Header(
                date[0],
                date[1],
                date[2],
                date[3],
                date[4],
                date[5],
                (char) date[6],
                date[7],
                (char) (date[8] >> 8),
                time[T + 0],
                time[T + 1],
                time[T + 2],
                time[T + 3],
                bracket,
                dash,
                atStart,
                atEnd,
                body);
    }

    /** " - " with any spaces and dash-like characters; returns body start or -1. */
    private static int dashSep(String s, int k) {
        int j = k;
        if (j >= s.length() || !isSpace(s.charAt(j))) {
            return -1;
        }
        j++;
        if (j >= s.length()) {
            return -1;
        }
        char c = s.charAt(j);
        if (c != '-' && c != '\u2013' && c != '\u2014') {
            return -1;
        }
        j++;
        if (j < s.length() && isSpace(s.charAt(j))) {
            return j + 1;
        }
        return j == s.length() ? j : -1;
    }

    /**
     * Date: three numbers separated by '/', '.' or '-' (optional spaces after '.'), optional Japanese era letter before
     * the year, optional trailing '.', optional " BE". Fills out[0..8]: n1,n2,n3,len1,len2,len3,sep,yearPos,flags
     * (bit 0: trailing dot; bits 8..: era char). Returns end index or -1.
     */
    private static int date(String s, int i, int[] out) {
        int flags = 0;
        char era = 0;
        char sep = 0;
        int j = i;
        for (int part = 0; part < 3; part++) {
            j = skipMarks(s, j);
            if (part == 2 && j < s.length() && "RHSTM".indexOf(s.charAt(j)) >= 0 && digit(s, j + 1) >= 0) {
                era = s.charAt(j);
                j++;
            }
            long v = number(s, j, 4);
            if (v < 0) {
                return -1;
            }
            out[part] = (int) (v >> 3);
            out[3 + part] = (int) (v & 7);
            j += out[3 + part];
            j = skipMarks(s, j);
            if (part < 2) {
                if (j >= s.length()) {
                    return -1;
                }
                char c = s.charAt(j);
                if (c != '/' && c != '.' && c != '-') {
                    return -1;
                }
                if (sep == 0) {
                    sep = c;
                } else if (sep != c) {
                    return -1;
                }
                j++;
                if (sep == '.' && j < s.length() && isSpace(s.charAt(j))) {
                    j++;
                }
            }
        }
        if (sep == '.' && j < s.length() && s.charAt(j) == '.') {
            flags |= 1;
            j++;
        }
        if (j + 2 < s.length() && isSpace(s.charAt(j)) && s.charAt(j + 1) == 'B' && s.charAt(j + 2) == 'E') {
            era = 'B';
            j += 3;
        }
        int yearPos;
        if (out[3 + 0] == 4) {
            yearPos = 0;
        } else if (out[3 + 1] == 4) {
            yearPos = 1;
        } else {
            yearPos = 2;
        }
        if (out[3 + 0] > 2 && yearPos != 0 || out[3 + 1] > 2 && yearPos != 1 || out[3 + 2] > 2 && yearPos != 2) {
            return -1;
        }
        out[6] = sep;
        out[7] = yearPos;
        out[8] = flags | (era << 8);
        return j;
    }

    /** Separator between date and time: ",", "،", spaces, " à ", " klo ", " um "; returns time start or -1. */
    private static int dateTimeSep(String s, int j) {
        int start = j;
        j = skipMarks(s, j);
        if (j < s.length() && (s.charAt(j) == ',' || s.charAt(j) == '\u060C')) {
            j++;
        }
        int spaces = 0;
        while (j < s.length() && (isSpace(s.charAt(j)) || isMark(s.charAt(j)))) {
            j++;
            spaces++;
        }
        for (String word : SEP_WORDS) {
            if (s.startsWith(word, j) && j + word.length() < s.length() && isSpace(s.charAt(j + word.length()))) {
                j += word.length() + 1;
                break;
            }
        }
        j = skipMarks(s, j);
        return (j > start && (spaces > 0 || s.charAt(start) == ',' || s.charAt(start) == '\u060C')) ? j : -1;
    }

    /** Time H:mm[:ss] with ':' or '.', then an optional AM/PM marker. Fills hour, minute, second, ampm, end. */
    private static int time(String s, int i, int[] out) {
        long h = number(s, i, 2);
        if (h < 0) {
            return -1;
        }
        int j = i + (int) (h & 7);
        j = skipMarks(s, j);
        if (j >= s.length() || (s.charAt(j) != ':' && s.charAt(j) != '.')) {
            return -1;
        }
        char sep = s.charAt(j);
        long m = number(s, j + 1, 2);
        if (m < 0 || (m & 7) != 2) {
            return -1;
        }
        j = j + 3;
        int sec = -1;
        if (j + 2 < s.length() + 0 && s.charAt(j) == sep) {
            long ss = number(s, j + 1, 2);
            if (ss >= 0 && (ss & 7) == 2) {
                sec = (int) (ss >> 3);
                j += 3;
            }
        }
        out[T + 0] = (int) (h >> 3);
        out[T + 1] = (int) (m >> 3);
        out[T + 2] = sec;
        out[T + 3] = 0;
        out[T + 4] = j;
        if (out[T + 0] > 23 || out[T + 1] > 59 || sec > 59) {
            return -1;
        }
        int k = skipMarks(s, j);
        if (k < s.length() && (isSpace(s.charAt(k)) || s.charAt(k) == '_')) {
            k = skipMarks(s, k + 1);
        }
        int end = ampm(s, k, out);
        if (end > 0) {
            out[T + 4] = end;
        }
        return j;
    }

    /**
     * The marker of {@link #MARKERS} (from pair {@code from} on) at {@code k} and not followed by a letter, as
     * {@code pair << 2 | 1 (AM) or 2 (PM)}; 0 when none.
     */
    private static int marker(String s, int k, int from) {
        for (int p = from; p < MARKERS.length; p++) {
            for (int half = 0; half < 2; half++) {
                String w = MARKERS[p][half];
                if (s.startsWith(w, k)
                        && (k + w.length() >= s.length()
                                || !Character.isLetter(s.charAt(k + w.length()))
                                || p >= PREFIX_MARKERS)) {
                    return p << 2 | (half + 1);
                }
            }
        }
        return 0;
    }

    private static int ampm(String s, int k, int[] out) {
        if (k >= s.length()) {
            return -1;
        }
        int m = marker(s, k, 0);
        if (m != 0) {
            out[T + 3] = m & 3;
            return k + MARKERS[m >> 2][(m & 3) - 1].length();
        }
        char c = s.charAt(k);
        char lc = Character.toLowerCase(c);
        if (lc != 'a' && lc != 'p') {
            return -1;
        }
        int j = k + 1;
        if (j < s.length() && s.charAt(j) == '.') {
            j++;
        }
        if (j < s.length() && isSpace(s.charAt(j))) {
            j++;
        }
        if (j >= s.length() || Character.toLowerCase(s.charAt(j)) != 'm') {
            return -1;
        }
        j++;
        if (j < s.length() && s.charAt(j) == '.') {
            j++;
        }
        if (j < s.length() && Character.isLetter(s.charAt(j))) {
            return -1;
        }
        out[T + 3] = lc == 'a' ? 1 : 2;
        return j;
    }
}
