package org.filet.server.evidence.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CaseGraphTest {

    @Test
    void segmentsAreIriSafeAndDecodeBackToTheValue() {
        Random random = new Random(11);
        Map<String, String> seen = new HashMap<>();
        for (int round = 0; round < 2000; round++) {
            StringBuilder value = new StringBuilder();
            int length = 1 + random.nextInt(12);
            for (int i = 0; i < length; i++) {
                value.appendCodePoint(random.nextBoolean() ? ' ' + random.nextInt(95) : 0xA0 + random.nextInt(0x3000));
            }
            String segment = CaseGraph.segment(value.toString());

            assertThat(segment).matches("[A-Za-z0-9._~%-]+");
            assertThat(URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8))
                    .isEqualTo(value.toString());
            String before = seen.putIfAbsent(segment, value.toString());
            assertThat(before == null || before.equals(value.toString())).isTrue();
        }
        assertThat(CaseGraph.segment(null)).isEqualTo("%00");
    }

    @Test
    void xsdStringsReplaceOnlyWhatXmlCannotHold() {
        assertThat(CaseGraph.xsdString("a\u0000b\u0008c\td\ne\rf")).isEqualTo("a\uFFFDb\uFFFDc\td\ne\rf");
        assertThat(CaseGraph.xsdString("\uD800x\uDC00\uFFFE")).isEqualTo("\uFFFDx\uFFFD\uFFFD");
        String kept = "<b>été</b> \uD83D\uDE00 \u0645\u0631\u062D\u0628\u0627 \u4F60\u597D \u202E";
        assertThat(CaseGraph.xsdString(kept)).isEqualTo(kept);
    }
}
