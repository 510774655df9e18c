package org.filet.server.evidence.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.List;
import java.util.Random;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;

class FontTextTest {

    private final FontText helvetica = new FontText(new PDType1Font(Standard14Fonts.FontName.HELVETICA));

    @Test
    void keepsFrenchAndWesternPunctuation() {
        String french = "t'as quel âge ? Œuvre, élève, garçon, « guillemets » — 12 € … ÿ";

        assertThat(helvetica.clean(french)).isEqualTo(french);
    }

    @Test
    void replacesEachUnencodableCodePointWithOneQuestionMark() {
        assertThat(helvetica.clean("a\uD83D\uDE00b")).isEqualTo("a?b");
        assertThat(helvetica.clean("\u0645\u0631\u062D\u0628\u0627")).isEqualTo("?????");
        assertThat(helvetica.clean("\u4F60\u597D")).isEqualTo("??");
        assertThat(helvetica.clean("x\u0000y\u001bz\u007f\u0085")).isEqualTo("x?y?z??");
        assertThat(helvetica.clean("\u202Eabc\u200B")).isEqualTo("?abc?");
        assertThat(helvetica.clean("lone \uD800 high")).isEqualTo("lone ? high");
        assertThat(helvetica.clean("tab\there")).isEqualTo("tab here");
        assertThat(helvetica.clean(null)).isEmpty();
    }

    @Test
    void eachCodePointGoesToTheFirstFontThatHasItAndSpacesStayInTheirRun() throws java.io.IOException {
        PDFont symbol = new PDType1Font(Standard14Fonts.FontName.SYMBOL);
        int[] loads = {0};
        FontText text = new FontText(
                helvetica.font(),
                List.of(new FontText.Fallback(
                        () -> {
                            loads[0]++;
                            return symbol;
                        },
                        cp -> cp == 'x' || cp == ' ' || cp == '\u03B1')));

        assertThat(text.clean("ab \u03B1 x")).isEqualTo("ab \u03B1 x");
        assertThat(text.clean("\u597D")).isEqualTo("?");
        assertThat(loads[0]).as("a fallback is loaded only to draw with it").isZero();
        List<FontText.Run> runs = text.runs("ab \u03B1 \u03B1 x");

        assertThat(runs).extracting(FontText.Run::text).containsExactly("ab ", "\u03B1 \u03B1 ", "x");
        assertThat(runs).extracting(FontText.Run::font).containsExactly(helvetica.font(), symbol, helvetica.font());
        assertThat(loads[0]).isEqualTo(1);
        assertThat(text.width("\u03B1", 10f)).isEqualTo(symbol.getStringWidth("\u03B1") / 100f);
    }

    @Test
    void cleanedTextAlwaysEncodesAndMeasures() {
        Random random = new Random(20260314);
        for (int round = 0; round < 300; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < 40; i++) {
                int cp = random.nextInt(4) == 0 ? random.nextInt(0x300) : random.nextInt(0x110000);
                text.appendCodePoint(cp);
            }
            String cleaned = helvetica.clean(text.toString());
            assertThat(cleaned.codePointCount(0, cleaned.length())).isEqualTo(40);
            assertThatCode(() -> helvetica.font().encode(cleaned)).doesNotThrowAnyException();
            assertThat(helvetica.width(cleaned, 10f)).isPositive();
        }
    }
}
