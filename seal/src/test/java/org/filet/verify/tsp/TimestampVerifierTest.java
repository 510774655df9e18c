package org.filet.verify.tsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.filet.seal.TimestampRequests;
import org.filet.seal.testing.InsecureTestTsa;
import org.filet.verify.Sha256;
import org.junit.jupiter.api.Test;

class TimestampVerifierTest {
    private static final Instant T = Instant.parse("2026-11-29T03:39:06Z");
    private static final InsecureTestTsa TSA = InsecureTestTsa.create(T.minusSeconds(86400));
    private static final byte[] DATA = "{\"format\":\"filet-sth/1\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void verifiesAGrantedTokenOverTheData() throws Exception {
        TimestampInfo info = TimestampVerifier.verify(TSA.timestamp(DATA, T), DATA);
        assertThat(info.genTime()).isEqualTo(T);
        assertThat(info.imprintSha256()).isEqualTo(Sha256.hex(DATA));
        assertThat(info.tsaSubject()).contains("Filet insecure test TSA");
    }

    @Test
    void otherDataFailsWithExpectedAndComputedImprint() {
        byte[] tsr = TSA.timestamp(DATA, T);
        assertThatThrownBy(() -> TimestampVerifier.verify(tsr, "other".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("imprint mismatch")
                .hasMessageContaining(Sha256.hex(DATA));
    }

    @Test
    void everyByteFlipTruncationAndAppendFails() {
        byte[] tsr = TSA.timestamp(DATA, T);
        for (int i = 0; i < tsr.length; i++) {
            byte[] bad = tsr.clone();
            bad[i] ^= 0x01;
            int pos = i;
            assertThatThrownBy(() -> TimestampVerifier.verify(bad, DATA))
                    .as("flip at %d", pos)
                    .isInstanceOf(TimestampException.class);
        }
        assertThatThrownBy(() -> TimestampVerifier.verify(java.util.Arrays.copyOf(tsr, tsr.length - 1), DATA))
                .isInstanceOf(TimestampException.class);
        assertThatThrownBy(() -> TimestampVerifier.verify(java.util.Arrays.copyOf(tsr, tsr.length + 1), DATA))
                .isInstanceOf(TimestampException.class);
    }

    @Test
    void acceptReplyChecksTheNonce() throws Exception {
        byte[] req = TimestampRequests.request(DATA);
        byte[] reply = TSA.respond(req, T);
        assertThat(TimestampRequests.acceptReply(req, reply, DATA)).isEqualTo(reply);
        byte[] otherReq = TimestampRequests.request(DATA);
        assertThatThrownBy(() -> TimestampRequests.acceptReply(otherReq, reply, DATA))
                .isInstanceOf(TimestampException.class);
    }
}
