package org.filet.chatexport.snapchat;

import org.jspecify.annotations.Nullable;

/** Decodes the numeric and the five XML named entities found in older Snapchat text. */
final class HtmlEntities {
    private HtmlEntities() {}

    static @Nullable String decode(@Nullable String s) {
        if (s == null || s.indexOf('&') < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            int semi = c == '&' ? s.indexOf(';', i) : -1;
            if (semi > i && semi - i <= 10) {
                String ent = s.substring(i + 1, semi);
                int cp = switch (ent) {
                    case "amp" -> '&';
                    case "lt" -> '<';
                    case "gt" -> '>';
                    case "quot" -> '"';
                    case "apos" -> '\'';
                    default -> numeric(ent);
                };
                if (cp >= 0) {
                    b.appendCodePoint(cp);
                    i = semi + 1;
                    continue;
                }
            }
            b.append(c);
            i++;
        }
        return b.toString();
    }

    private static int numeric(String ent) {
        try {
            int cp = ent.startsWith("#x") || ent.startsWith("#X")
                    ? Integer.parseInt(ent.substring(2), 16)
                    : ent.startsWith("#") ? Integer.parseInt(ent.substring(1)) : -1;
            return Character.isValidCodePoint(cp) && cp > 0 ? cp : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
