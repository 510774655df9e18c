package org.filet.server.evidence.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;

class PdfFlowTest {

    private final FontText helvetica = new FontText(new PDType1Font(Standard14Fonts.FontName.HELVETICA));

    @Test
    void wrappedLinesFitAndKeepEveryWordInOrder() {
        Random random = new Random(7);
        for (int round = 0; round < 50; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < 200; i++) {
                text.append("mot".repeat(1 + random.nextInt(random.nextInt(10) == 0 ? 40 : 4)))
                        .append(i)
                        .append(' ');
            }
            String original = text.toString().trim();
            List<String> lines = PdfFlow.wrap(helvetica, original, 10f, 150f, 300f);

            assertThat(helvetica.width(lines.get(0), 10f)).isLessThanOrEqualTo(150f);
            assertThat(lines).allMatch(line -> helvetica.width(line, 10f) <= 300f);
            assertThat(String.join("", lines).replace(" ", "")).isEqualTo(original.replace(" ", ""));
        }
    }

    @Test
    void lineBreaksInTheTextStartNewLines() {
        List<String> lines = PdfFlow.wrap(helvetica, "un\r\ndeux\rtrois\n\nquatre", 10f, 500f, 500f);

        assertThat(lines).containsExactly("un", "deux", "trois", "", "quatre");
    }

    @Test
    void aWordWiderThanTheLineIsCutByCharacters() {
        String hash = "0123456789abcdef".repeat(4);
        List<String> lines = PdfFlow.wrap(helvetica, hash, 10f, 100f, 100f);

        assertThat(lines).hasSizeGreaterThan(2);
        assertThat(String.join("", lines)).isEqualTo(hash);
        assertThat(lines).allMatch(line -> !line.isEmpty() && helvetica.width(line, 10f) <= 100f);
    }
}
