package org.filet.server.evidence.documents;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Makes any text showable with one font: characters the font has no glyph for (emoji, CJK with the embedded DejaVu
 * fonts; anything outside WinAnsi with a Standard 14 font) and control characters (NUL, escapes, bidi controls)
 * become {@code '?'}, one per code point, tabs become spaces. Line breaks are not handled here: callers split lines
 * first.
 */
final class FontText {

    static final char REPLACEMENT = '?';

    private final PDFont font;
    private final Map<Integer, Boolean> encodable = new HashMap<>();

    FontText(PDFont font) {
        this.font = font;
    }

    PDFont font() {
        return font;
    }

    /** The text with every code point the font cannot show replaced; never throws, null gives "". */
    String clean(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp == '\t') {
                out.append(' ');
            } else if (Character.isISOControl(cp) || !canEncode(cp)) {
                out.append(REPLACEMENT);
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    /** Width in points of text already {@link #clean cleaned}, at the given size. */
    float width(String cleaned, float size) {
        try {
            return font.getStringWidth(cleaned) / 1000f * size;
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("width of cleaned text could not be measured", e);
        }
    }

    private boolean canEncode(int codePoint) {
        return encodable.computeIfAbsent(codePoint, cp -> {
            if (Character.getType(cp) == Character.FORMAT || Character.getType(cp) == Character.SURROGATE) {
                return false;
            }
            try {
                font.encode(new String(Character.toChars(cp)));
                return true;
            } catch (IOException | IllegalArgumentException e) {
                return false;
            }
        });
    }
}
