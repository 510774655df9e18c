package org.filet.chatexport.meta;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MojibakeTest {
    @Test
    void repairsUtf8BytesWrittenAsLatin1Chars() {
        for (String s : new String[] {"café", "t'as quel âge ?", "\uD83D\uDC4D", "naïve – ok", "Привет"}) {
            String broken = new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
            assertThat(Mojibake.repair(broken)).isEqualTo(s);
        }
    }

    @Test
    void leavesCorrectTextAloneAndNeverRepairsTwice() {
        for (String s : new String[] {"café", "plain ascii", "Привет", "\uD83D\uDC4D", "Ã"}) {
            assertThat(Mojibake.repair(s)).isEqualTo(s);
        }
        String once = Mojibake.repair("caf\u00c3\u00a9");
        assertThat(Mojibake.repair(once)).isEqualTo("café");
        assertThat(Mojibake.repair(null)).isNull();
    }
}
