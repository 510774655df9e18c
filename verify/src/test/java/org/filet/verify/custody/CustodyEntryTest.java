package org.filet.verify.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.filet.verify.Sha256;
import org.filet.verify.merkle.Rfc9162;
import org.junit.jupiter.api.Test;

class CustodyEntryTest {
    static final String H1 = Sha256.hex("one".getBytes(StandardCharsets.UTF_8));
    static final String H2 = Sha256.hex("two".getBytes(StandardCharsets.UTF_8));

    static CustodyEntry.Builder valid() {
        return CustodyEntry.builder()
                .action(CustodyAction.STORED)
                .actor("component:intake@0.1.0")
                .time(Instant.parse("2026-11-29T03:39:06.123456789Z"))
                .inputs(List.of(H1))
                .outputs(List.of(H2))
                .instance("hotline-fr")
                .subject("report:R-7KQ2");
    }

    @Test
    void encodesToTheDocumentedCanonicalBytes() {
        String expected = "{\"action\":\"stored\",\"actor\":\"component:intake@0.1.0\",\"inputs\":[\"" + H1
                + "\"],\"instance\":\"hotline-fr\",\"outputs\":[\"" + H2 + "\"],\"subject\":\"report:R-7KQ2\","
                + "\"time\":\"2026-11-29T03:39:06.123456Z\",\"v\":1}";
        CustodyEntry e = valid().build();
        assertThat(new String(e.encode(), StandardCharsets.UTF_8)).isEqualTo(expected);
        byte[] leaf = new byte[expected.length() + 1];
        System.arraycopy(expected.getBytes(StandardCharsets.UTF_8), 0, leaf, 1, expected.length());
        assertThat(e.leafHash()).isEqualTo(Sha256.of(leaf)).isEqualTo(Rfc9162.leafHash(e.encode()));
    }

    @Test
    void decodeRoundTripsAndRejectsNonCanonicalVariants() throws Exception {
        CustodyEntry e = valid().reason("hotline analyst confirming the report").build();
        assertThat(CustodyEntry.decode(e.encode())).isEqualTo(e);
        String text = new String(e.encode(), StandardCharsets.UTF_8);
        for (String bad : new String[] {
            text.replace(",", ", "),
            text.replace("\"v\":1", "\"v\":2"),
            text.replace("}", ",\"extra\":1}"),
            text.replace(".123456Z", ".123Z"),
            text.replace("\"stored\"", "\"destroyed\""),
            text.replace(H1, H1.toUpperCase())
        }) {
            assertThatThrownBy(() -> CustodyEntry.decode(bad.getBytes(StandardCharsets.UTF_8)))
                    .isInstanceOf(InvalidCustodyEntry.class)
                    .hasMessageNotContaining("analyst");
        }
    }

    @Test
    void viewingRequiresAReason() {
        assertThatThrownBy(() -> valid().action(CustodyAction.VIEWED).build())
                .hasMessageContaining("reason")
                .hasMessageContaining("viewed");
        assertThat(valid().action(CustodyAction.VIEWED)
                        .reason("triage of report")
                        .build()
                        .reason())
                .isPresent();
    }

    @Test
    void builderRejectsBadFieldsNamingTheField() {
        assertThatThrownBy(() -> valid().outputs(List.of("abc"))).hasMessageContaining("outputs[0]");
        assertThatThrownBy(() -> valid().inputs(List.of(H1, H1))).hasMessageContaining("duplicate");
        assertThatThrownBy(() -> valid().instance("bad instance")).hasMessageContaining("instance");
        assertThatThrownBy(() -> valid().actor("a\nb")).hasMessageContaining("actor");
        assertThatThrownBy(() -> CustodyEntry.builder().build()).hasMessageContaining("action");
    }

    @Test
    void toStringOmitsTheReason() {
        assertThat(valid().action(CustodyAction.VIEWED)
                        .reason("secret-ish reason text")
                        .build()
                        .toString())
                .doesNotContain("secret-ish")
                .contains("viewed");
    }
}
