package org.filet.chatexport.sms;

import java.io.IOException;
import java.io.Reader;

/**
 * Rewrites numeric character references that strict XML parsers reject (CHAT-FORMATS.md 5c): a high-surrogate
 * reference directly followed by a low-surrogate one ({@code &#55357;&#56832;}) becomes one reference to the code
 * point; lone surrogates and references to characters XML forbids (such as {@code &#1;}) become U+FFFD. Everything
 * else passes through unchanged. Works on a sliding buffer, so memory stays constant.
 */
final class CharRefRepairReader extends Reader {
    private static final int MAX_REF = 12;
    private final Reader in;
    private final char[] buf = new char[64 * 1024];
    private int pos;
    private int lim;
    private boolean eof;
    private final StringBuilder out = new StringBuilder();
    private int outPos;
    long pairsJoined;
    long invalidReplaced;

    CharRefRepairReader(Reader in) {
        this.in = in;
    }

    private boolean ensure(int n) throws IOException {
        if (lim - pos >= n) {
            return true;
        }
        if (eof) {
            return false;
        }
        System.arraycopy(buf, pos, buf, 0, lim - pos);
        lim -= pos;
        pos = 0;
        while (lim - pos < n && !eof) {
            int r = in.read(buf, lim, buf.length - lim);
            if (r < 0) {
                eof = true;
            } else {
                lim += r;
            }
        }
        return lim - pos >= n;
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        int n = 0;
        while (n < len) {
            if (outPos < out.length()) {
                int k = Math.min(len - n, out.length() - outPos);
                out.getChars(outPos, outPos + k, cbuf, off + n);
                outPos += k;
                n += k;
                if (outPos == out.length()) {
                    out.setLength(0);
                    outPos = 0;
                }
                continue;
            }
            if (!ensure(1)) {
                break;
            }
            int start = pos;
            int stop = Math.min(lim, pos + (len - n));
            while (pos < stop && buf[pos] != '&') {
                pos++;
            }
            int k = pos - start;
            System.arraycopy(buf, start, cbuf, off + n, k);
            n += k;
            if (pos < stop && buf[pos] == '&') {
                ensure(2 * MAX_REF);
                reference();
            }
        }
        return n == 0 ? -1 : n;
    }

    /** At '&': copies or rewrites one reference into {@code out}. */
    private void reference() {
        int v = refValue(pos);
        if (v == -1) {
            out.append('&');
            pos++;
            return;
        }
        int end = refEnd(pos);
        if (Character.isHighSurrogate((char) v) && v <= 0xFFFF) {
            int low = end < lim ? refValue(end) : -1;
            if (low >= 0 && low <= 0xFFFF && Character.isLowSurrogate((char) low)) {
                out.append("&#")
                        .append(Character.toCodePoint((char) v, (char) low))
                        .append(';');
                pos = refEnd(end);
                pairsJoined++;
                return;
            }
        }
        if (!allowed(v)) {
            out.append("&#xFFFD;");
            invalidReplaced++;
        } else {
            out.append(buf, pos, end - pos);
        }
        pos = end;
    }

    private static boolean allowed(int v) {
        return v == 0x9
                || v == 0xA
                || v == 0xD
                || (v >= 0x20 && v <= 0xD7FF)
                || (v >= 0xE000 && v <= 0xFFFD)
                || (v >= 0x10000 && v <= 0x10FFFF);
    }

    /** Value of a numeric reference at i, or -1 if there is none (or it is too long to be one). */
    private int refValue(int i) {
        if (i + 3 >= lim || buf[i] != '&' || buf[i + 1] != '#') {
            return -1;
        }
        int j = i + 2;
        int radix = 10;
        if (buf[j] == 'x' || buf[j] == 'X') {
            radix = 16;
            j++;
        }
        long v = 0;
        int digits = 0;
        while (j < lim && j - i < MAX_REF) {
            int d = Character.digit(buf[j], radix);
            if (d < 0 || buf[j] > 'f') {
                break;
            }
            v = v * radix + d;
            digits++;
            j++;
        }
        if (digits == 0 || j >= lim || buf[j] != ';' || v > 0x10FFFF) {
            return -1;
        }
        return (int) v;
    }

    private int refEnd(int i) {
        int j = i;
        while (buf[j] != ';') {
            j++;
        }
        return j + 1;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
