package org.filet.server.evidence.documents;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import java.util.function.Supplier;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Makes any text showable with a primary font and fallback fonts, switching font per glyph run: each code point is
 * drawn with the first font that has a glyph for it (DejaVu Sans for Latin, Greek, Cyrillic, Arabic, Hebrew; WenQuanYi
 * Micro Hei for Chinese, Japanese and Korean). A code point no font has, and control characters (NUL, escapes, bidi
 * controls), become one {@linkplain #replacement() replacement character} each (U+FFFD when the primary font has it,
 * else {@code '?'}); tabs become spaces. Line breaks are not handled here: callers split lines first.
 *
 * <p>A fallback font is only loaded into the document when some text needs it, so a document without CJK carries
 * nothing of it. Never throws on any input.
 */
final class FontText {

    /** The replacement of fonts that have no U+FFFD glyph (a Standard 14 font, for example). */
    static final char REPLACEMENT = '?';

    /** One run of text drawn with one font. */
    record Run(PDFont font, String text) {}

    /** A font the text can fall back to: loaded on first use, and which code points it has (known without loading). */
    record Fallback(Supplier<PDFont> font, IntPredicate has) {}

    private final PDFont primary;
    private final List<Fallback> fallbacks;
    private final List<PDFont> loaded = new ArrayList<>();
    private final Map<Integer, Integer> faceOf = new HashMap<>();
    private final String replacement;

    FontText(PDFont primary) {
        this(primary, List.of());
    }

    FontText(PDFont primary, List<Fallback> fallbacks) {
        this.primary = primary;
        this.fallbacks = List.copyOf(fallbacks);
        this.replacement = face('\uFFFD') == 0 ? "\uFFFD" : String.valueOf(REPLACEMENT);
    }

    /** The primary font. */
    PDFont font() {
        return primary;
    }

    /** What a code point no font can show becomes. */
    String replacement() {
        return replacement;
    }

    /** The text with every code point no font can show replaced; never throws, null gives "". */
    String clean(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp == '\t') {
                out.append(' ');
            } else if (face(cp) < 0) {
                out.append(replacement);
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    /**
     * Text already {@link #clean cleaned}, cut into runs of one font each: every code point in the first font that has
     * it, except that a space stays in the run it is in when that run's font has it.
     */
    List<Run> runs(String cleaned) {
        List<Run> runs = new ArrayList<>();
        if (cleaned.isEmpty()) {
            return runs;
        }
        StringBuilder run = new StringBuilder();
        int current = -1;
        for (int i = 0; i < cleaned.length(); ) {
            int cp = cleaned.codePointAt(i);
            i += Character.charCount(cp);
            int face = face(cp);
            if (face < 0) {
                face = 0; // not cleaned: drawn as the primary font's own missing glyph rather than thrown
                cp = replacement.codePointAt(0);
            }
            if (current >= 0
                    && face != current
                    && Character.getType(cp) == Character.SPACE_SEPARATOR
                    && has(current, cp)) {
                face = current;
            }
            if (face != current && run.length() > 0) {
                runs.add(new Run(font(current), run.toString()));
                run.setLength(0);
            }
            current = face;
            run.appendCodePoint(cp);
        }
        runs.add(new Run(font(current), run.toString()));
        return runs;
    }

    /** Width in points of text already {@link #clean cleaned}, at the given size. */
    float width(String cleaned, float size) {
        try {
            float units = 0;
            if (fallbacks.isEmpty() || allInPrimary(cleaned)) {
                units = primary.getStringWidth(cleaned);
            } else {
                for (Run run : runs(cleaned)) {
                    units += run.font().getStringWidth(run.text());
                }
            }
            return units / 1000f * size;
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("width of cleaned text could not be measured", e);
        }
    }

    private boolean allInPrimary(String cleaned) {
        for (int i = 0; i < cleaned.length(); ) {
            int cp = cleaned.codePointAt(i);
            if (face(cp) != 0) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return true;
    }

    /** Index of the first font that has the code point (0 the primary, then the fallbacks), -1 for none. */
    private int face(int codePoint) {
        return faceOf.computeIfAbsent(codePoint, cp -> {
            int type = Character.getType(cp);
            if (Character.isISOControl(cp)
                    || type == Character.FORMAT
                    || type == Character.SURROGATE
                    || type == Character.UNASSIGNED
                    || type == Character.PRIVATE_USE) {
                return -1;
            }
            for (int f = 0; f <= fallbacks.size(); f++) {
                if (has(f, cp)) {
                    return f;
                }
            }
            return -1;
        });
    }

    private boolean has(int face, int codePoint) {
        if (face > 0) {
            return fallbacks.get(face - 1).has().test(codePoint);
        }
        try {
            primary.encode(new String(Character.toChars(codePoint)));
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    private PDFont font(int face) {
        if (face == 0) {
            return primary;
        }
        while (loaded.size() < face) {
            loaded.add(null);
        }
        PDFont font = loaded.get(face - 1);
        if (font == null) {
            font = fallbacks.get(face - 1).font().get();
            loaded.set(face - 1, font);
        }
        return font;
    }
}
