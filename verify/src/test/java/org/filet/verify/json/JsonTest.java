package org.filet.verify.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
    @Test
    void canonicalFormSortsKeysByUtf16AndEscapesMinimally() {
        Map<String, Object> v = Json.object("b", 1L, "a", List.of("x\"y\\z\n\u0001é€😀"), "\u20ac", true, "Z", null);
        // RFC 8785: "Z" (0x5a) < "a" < "b" < "€"; null members are dropped by Json.object
        assertThat(Json.canonicalString(v)).isEqualTo("{\"a\":[\"x\\\"y\\\\z\\n\\u0001é€😀\"],\"b\":1,\"€\":true}");
    }

    @Test
    void parseRoundTripsCanonicalBytes() throws Exception {
        byte[] text = "{\"a\":[1,-2,{\"c\":null}],\"b\":\"\\u00e9\"}".getBytes(StandardCharsets.UTF_8);
        Object v = Json.parse(text);
        assertThat(Json.canonicalString(v)).isEqualTo("{\"a\":[1,-2,{\"c\":null}],\"b\":\"é\"}");
    }

    @Test
    void parseCanonicalRejectsWhitespaceKeyOrderAndEscapeVariants() {
        for (String s : new String[] {"{\"a\":1 }", "{\"b\":1,\"a\":2}", "{\"a\":\"\\u0041\"}", "{\"a\":\"\\/\"}"}) {
            assertThatThrownBy(() -> Json.parseCanonical(s.getBytes(StandardCharsets.UTF_8)))
                    .as(s)
                    .isInstanceOf(JsonException.class);
        }
    }

    @Test
    void parserRejectsHostileInput() {
        String deep = "[".repeat(100) + "]".repeat(100);
        for (String s : new String[] {
            "{\"a\":1,\"a\":2}",
            deep,
            "1.5",
            "1e3",
            "99999999999999999999",
            "[1,]",
            "\"\\ud800\"",
            "{\"a\":1}x",
            "",
            "nul",
            "\"a\u0001\""
        }) {
            assertThatThrownBy(() -> Json.parse(s)).as(s).isInstanceOf(JsonException.class);
        }
        assertThatThrownBy(() -> Json.parse(new byte[] {'"', (byte) 0xc3, '"'})).isInstanceOf(JsonException.class);
    }
}
