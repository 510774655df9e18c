package org.filet.server.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReceiptsTest {

    @Test
    void receiptsAndCodesAreCrockfordGroupsAndDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String receipt = Receipts.newReceipt();
            assertThat(receipt).matches("R-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}");
            assertThat(seen.add(receipt)).isTrue();
        }
        assertThat(Receipts.newAccessCode())
                .matches("[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}");
    }

    @Test
    void accessCodeHashForgivesTypingButNotADifferentCode() {
        String hash = Receipts.hashAccessCode("R-AAAA-BBBB-CCCC", "0K1Z-RX9T-KQ44");
        assertThat(Receipts.hashAccessCode("R-AAAA-BBBB-CCCC", "okiz rx9t kq44"))
                .isEqualTo(hash);
        assertThat(Receipts.hashAccessCode("R-AAAA-BBBB-CCCC", "0K1Z-RX9T-KQ45"))
                .isNotEqualTo(hash);
        assertThat(Receipts.hashAccessCode("R-AAAA-BBBB-CCCD", "0K1Z-RX9T-KQ44"))
                .isNotEqualTo(hash);
    }
}
