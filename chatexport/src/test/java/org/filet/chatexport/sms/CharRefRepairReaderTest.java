package org.filet.chatexport.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The sliding-buffer reader against a whole-string reference implementation. */
class CharRefRepairReaderTest {
    private static final Pattern REF = Pattern.compile("&#(?:[xX]([0-9a-fA-F]{1,9})|([0-9]{1,9}));");

    private static int value(Matcher m) {
        long v = m.group(1) != null ? Long.parseLong(m.group(1), 16) : Long.parseLong(m.group(2));
        return v > 0x10FFFF ? -1 : (int) v;
    }

    static String reference(String s) {
        StringBuilder out = new StringBuilder();
        Matcher m = REF.matcher(s);
        int pos = 0;
        while (m.find(pos)) {
            out.append(s, pos, m.start());
            int v = value(m);
            int end = m.end();
            if (v < 0) {
                out.append(s, m.start(), end);
            } else if (Character.isHighSurrogate((char) v) && v <= 0xFFFF) {
                Matcher n = REF.matcher(s);
                if (n.find(end)
                        && n.start() == end
                        && value(n) >= 0
                        && value(n) <= 0xFFFF
                        && Character.isLowSurrogate((char) value(n))) {
                    out.append("&#")
                            .append(Character.toCodePoint((char) v, (char) value(n)))
                            .append(';');
                    end = n.end();
                } else {
                    out.append("&#xFFFD;");
                }
            } else if (v == 9
                    || v == 10
                    || v == 13
                    || (v >= 0x20 && v <= 0xD7FF)
                    || (v >= 0xE000 && v <= 0xFFFD)
                    || v >= 0x10000) {
                out.append(s, m.start(), end);
            } else {
                out.append("&#xFFFD;");
            }
            pos = end;
        }
        out.append(s.substring(pos));
        return out.toString();
    }

    private static String readInChunks(String s, Random rnd) throws IOException {
        try (CharRefRepairReader r = new CharRefRepairReader(new StringReader(s))) {
            StringBuilder out = new StringBuilder();
            char[] buf = new char[64];
            int n;
            while ((n = r.read(buf, 0, 1 + rnd.nextInt(buf.length))) >= 0) {
                out.append(buf, 0, n);
            }
            return out.toString();
        }
    }

    @Test
    void matchesTheReferenceOnGeneratedInput() throws IOException {
        Random rnd = new Random(7);
        String[] parts = {
            "&#55357;",
            "&#56832;",
            "&#xD83D;",
            "&#xDE00;",
            "&#1;",
            "&#10;",
            "&#65;",
            "&amp;",
            "&",
            "&#",
            "&#x;",
            "abc",
            " ",
            "é",
            "&#1114112;",
            "&#128512;",
            "&#99999999999;",
            "<",
            ";"
        };
        for (int i = 0; i < 3000; i++) {
            StringBuilder s = new StringBuilder();
            int len = rnd.nextInt(40);
            for (int j = 0; j < len; j++) {
                s.append(parts[rnd.nextInt(parts.length)]);
            }
            String in = s.toString();
            assertThat(readInChunks(in, rnd)).as(in).isEqualTo(reference(in));
        }
    }

    @Test
    void handlesReferencesAcrossBufferBoundaries() throws IOException {
        StringBuilder s = new StringBuilder();
        while (s.length() < 300_000) {
            s.append("x".repeat(s.length() % 97)).append("&#55357;&#56832;");
        }
        String in = s.toString();
        assertThat(readInChunks(in, new Random(1))).isEqualTo(reference(in));
    }
}
