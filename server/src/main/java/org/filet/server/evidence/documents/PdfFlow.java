package org.filet.server.evidence.documents;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Bidi;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Flows text down A4 pages: headings, label/value fields and wrapped paragraphs, starting a new page when the current
 * one is full, then stamps a footer on every page once the page count is known. All text goes through
 * {@link FontText}, so nothing a reporter typed can make it throw.
 *
 * <p>Fonts: DejaVu Sans, Sans Bold and Sans Mono (Bitstream Vera licence, see {@code fonts/dejavu/LICENSE}), then
 * WenQuanYi Micro Hei (Apache 2.0, see {@code fonts/wqy/README}) for what DejaVu lacks (Chinese, Japanese, Korean),
 * chosen per glyph run by {@link FontText} and embedded as subsets: Latin with accents, Greek, Cyrillic, Arabic, Hebrew,
 * CJK and many symbols print as written; a code point no font has prints as U+FFFD (the exact text is in the
 * package's files). WenQuanYi Micro Hei is loaded into a document only when its text needs it. Right-to-left runs are
 * drawn in visual order (Unicode bidi algorithm, {@link Bidi}); Arabic letters are drawn in their isolated forms (no
 * contextual shaping), which text extraction reads back as the letters written.
 */
final class PdfFlow {

    static final float BODY = 10f;
    static final float MONO = 8f;
    private static final float MARGIN = 50f;
    private static final float FOOTER_ZONE = 45f;
    private static final float LEADING = 1.3f;

    private static final byte[] SANS = font("DejaVuSans.ttf");
    private static final byte[] SANS_BOLD = font("DejaVuSans-Bold.ttf");
    private static final byte[] SANS_MONO = font("DejaVuSansMono.ttf");
    private static final String CJK_FONT = "/fonts/wqy/wqy-microhei.ttc";
    /** The code points WenQuanYi Micro Hei has a glyph for, read once from its cmap (the font itself loads lazily). */
    private static final BitSet CJK_COVERAGE = coverage(CJK_FONT);

    final FontText regular;
    final FontText bold;
    final FontText mono;

    private final PDDocument document;
    private PDFont cjk;
    private final float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
    private PDPageContentStream out;
    private float y;

    PdfFlow(PDDocument document) {
        this.document = document;
        List<FontText.Fallback> fallbacks = List.of(new FontText.Fallback(this::cjk, CJK_COVERAGE::get));
        this.regular = new FontText(embed(document, SANS), fallbacks);
        this.bold = new FontText(embed(document, SANS_BOLD), fallbacks);
        this.mono = new FontText(embed(document, SANS_MONO), fallbacks);
        newPage();
    }

    private static byte[] font(String name) {
        try (InputStream in = resource("/fonts/dejavu/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String path) {
        InputStream in = PdfFlow.class.getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("font missing from the classpath: " + path);
        }
        return in;
    }

    /**
     * Loads a TrueType font into this document, embedding only the glyphs used (subset), with glyph substitution
     * (GSUB) off: PDFBox would otherwise draw "fi", "ff", "fl" as ligature glyphs, which text extraction reads back as
     * U+FB01… ("ﬁles/…", "ﬁlet-verify.jar"), so a copied path, command or word would not match what was written.
     */
    private static PDType0Font embed(PDDocument document, byte[] ttf) {
        try {
            TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(ttf));
            font.setEnableGsub(false);
            document.registerTrueTypeFontForClosing(font);
            return PDType0Font.load(document, font, true);
        } catch (IOException e) {
            throw new UncheckedIOException("embedded font could not be loaded", e);
        }
    }

    /** Every code point the collection's first font maps to a glyph other than .notdef. */
    private static BitSet coverage(String path) {
        try (TrueTypeCollection collection = new TrueTypeCollection(resource(path))) {
            TrueTypeFont ttf = first(collection);
            CmapLookup cmap = ttf.getUnicodeCmapLookup();
            BitSet covered = new BitSet(0x30000);
            for (int gid = 1; gid < ttf.getNumberOfGlyphs(); gid++) {
                List<Integer> codes = cmap.getCharCodes(gid);
                if (codes != null) {
                    codes.forEach(covered::set);
                }
            }
            return covered;
        } catch (IOException e) {
            throw new UncheckedIOException("font " + path + " could not be read", e);
        }
    }

    private static TrueTypeFont first(TrueTypeCollection collection) throws IOException {
        TrueTypeFont[] first = new TrueTypeFont[1];
        collection.processAllFonts(font -> {
            if (first[0] == null) {
                first[0] = font;
            }
        });
        if (first[0] == null) {
            throw new IOException("empty font collection");
        }
        return first[0];
    }

    /**
     * WenQuanYi Micro Hei in this document, loaded (streamed from the classpath) the first time a glyph needs it, and
     * closed with the document.
     */
    private PDFont cjk() {
        if (cjk == null) {
            try {
                TrueTypeCollection collection = new TrueTypeCollection(resource(CJK_FONT));
                TrueTypeFont ttf = first(collection);
                ttf.setEnableGsub(false);
                document.registerTrueTypeFontForClosing(ttf);
                cjk = PDType0Font.load(document, ttf, true);
            } catch (IOException e) {
                throw new UncheckedIOException("fallback font could not be loaded", e);
            }
        }
        return cjk;
    }

    void title(String text) {
        paragraph(bold, text, 16f, 0f);
        gap(6f);
    }

    /** A section heading, moved to the next page rather than left alone at the bottom of one. */
    void heading(String text) {
        gap(8f);
        if (y - 13f * LEADING * 3 < MARGIN + FOOTER_ZONE) {
            newPage();
        }
        paragraph(bold, text, 13f, 0f);
        gap(2f);
    }

    /** {@code label<colon>value} with the label in bold; the value wraps under the whole line width. */
    void field(String label, String colon, String value) {
        String head = bold.clean(label + colon);
        float headWidth = bold.width(head, BODY);
        List<String> lines = wrap(regular, value, BODY, width - headWidth, width);
        for (int i = 0; i < lines.size(); i++) {
            ensureRoom(BODY);
            if (i == 0) {
                show(bold, head, BODY, MARGIN);
                show(regular, lines.get(0), BODY, MARGIN + headWidth);
            } else {
                show(regular, lines.get(i), BODY, MARGIN);
            }
            y -= BODY * LEADING;
        }
    }

    /** Text wrapped to the page width less {@code indent}; line breaks in the text start new lines. */
    void paragraph(FontText font, String text, float size, float indent) {
        for (String line : wrap(font, text, size, width - indent, width - indent)) {
            ensureRoom(size);
            show(font, line, size, MARGIN + indent);
            y -= size * LEADING;
        }
    }

    /** Starts a new page unless {@code lines} body lines still fit on this one (keeps a short block together). */
    void keep(int lines) {
        if (y - BODY * LEADING * lines < MARGIN + FOOTER_ZONE) {
            newPage();
        }
    }

    void gap(float points) {
        y -= points;
    }

    /** Writes "left ... page n/m" and a second line on every page, then closes the last page's stream. */
    void finish(String left, String pageWord, String secondLine) {
        close();
        int total = document.getNumberOfPages();
        for (int n = 1; n <= total; n++) {
            PDPage page = document.getPage(n - 1);
            try (PDPageContentStream footer =
                    new PDPageContentStream(document, page, PDPageContentStream.AppendMode.APPEND, true, true)) {
                out = footer;
                String pageText = regular.clean(pageWord + " " + n + "/" + total);
                float pageWidth = regular.width(pageText, MONO);
                float lineY = MARGIN - 10f;
                y = lineY;
                show(regular, fit(regular, left, MONO, width - pageWidth - 20f), MONO, MARGIN);
                show(regular, pageText, MONO, MARGIN + width - pageWidth);
                y = lineY - MONO * LEADING;
                show(regular, fit(regular, secondLine, MONO, width), MONO, MARGIN);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                out = null;
            }
        }
    }

    /** Greedy word wrap; a word wider than a line (a hash, a URL, text without spaces) is cut by characters. */
    static List<String> wrap(FontText font, String text, float size, float firstWidth, float width) {
        List<String> lines = new ArrayList<>();
        String normalised = text == null ? "" : text.replace("\r\n", "\n").replace('\r', '\n');
        for (String paragraph : normalised.split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            for (String word : font.clean(paragraph).split(" ", -1)) {
                float max = lines.isEmpty() ? firstWidth : width;
                String candidate = line.length() == 0 ? word : line + " " + word;
                if (font.width(candidate, size) <= max) {
                    line.setLength(0);
                    line.append(candidate);
                    continue;
                }
                if (line.length() > 0) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                String rest = word;
                while (font.width(rest, size) > (lines.isEmpty() ? firstWidth : width)) {
                    int cut = fitting(font, rest, size, lines.isEmpty() ? firstWidth : width);
                    lines.add(rest.substring(0, cut));
                    rest = rest.substring(cut);
                }
                line.append(rest);
            }
            lines.add(line.toString());
        }
        return lines;
    }

    /** How many leading chars of text fit in width (at least one code point, so wrapping always progresses). */
    private static int fitting(FontText font, String text, float size, float width) {
        int end = text.offsetByCodePoints(0, 1);
        while (end < text.length()) {
            int next = text.offsetByCodePoints(end, 1);
            if (font.width(text.substring(0, next), size) > width) {
                break;
            }
            end = next;
        }
        return end;
    }

    private static String fit(FontText font, String text, float size, float width) {
        String cleaned = font.clean(text);
        if (font.width(cleaned, size) <= width) {
            return cleaned;
        }
        int cut = fitting(font, cleaned, size, width - font.width("\u2026", size));
        return cleaned.substring(0, cut) + "\u2026";
    }

    private void ensureRoom(float size) {
        if (y - size < MARGIN + FOOTER_ZONE) {
            newPage();
        }
    }

    private void newPage() {
        close();
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        try {
            out = new PDPageContentStream(document, page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        y = PDRectangle.A4.getHeight() - MARGIN - BODY;
    }

    private void show(FontText font, String cleaned, float size, float x) {
        if (cleaned.isEmpty()) {
            return;
        }
        try {
            out.beginText();
            out.newLineAtOffset(x, y);
            for (FontText.Run run : font.runs(visual(cleaned))) {
                out.setFont(run.font(), size);
                out.showText(run.text());
            }
            out.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One line in visual order: right-to-left runs (Arabic, Hebrew) reversed, as the Unicode bidi algorithm says. */
    static String visual(String line) {
        char[] chars = line.toCharArray();
        if (!Bidi.requiresBidi(chars, 0, chars.length)) {
            return line;
        }
        Bidi bidi = new Bidi(line, Bidi.DIRECTION_DEFAULT_LEFT_TO_RIGHT);
        int runs = bidi.getRunCount();
        byte[] levels = new byte[runs];
        String[] texts = new String[runs];
        for (int i = 0; i < runs; i++) {
            levels[i] = (byte) bidi.getRunLevel(i);
            String run = line.substring(bidi.getRunStart(i), bidi.getRunLimit(i));
            texts[i] = (levels[i] & 1) == 1 ? reversed(run) : run;
        }
        Bidi.reorderVisually(levels, 0, texts, 0, runs);
        return String.join("", texts);
    }

    private static String reversed(String run) {
        StringBuilder sb = new StringBuilder(run.length());
        run.codePoints().forEach(cp -> sb.insert(0, Character.toChars(cp)));
        return sb.toString();
    }

    private void close() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            out = null;
        }
    }
}
