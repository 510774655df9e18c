package org.filet.pdq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PdqHashTest {

    private static final String BRIDGE = "f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22";

    @Test
    void hexRoundTripsAndKeepsBitOrder() {
        PdqHash h = PdqHash.parse(BRIDGE);
        assertThat(h.toHex()).isEqualTo(BRIDGE);
        assertThat(PdqHash.parse(BRIDGE.toUpperCase())).isEqualTo(h);
        // last hex digit 2 = 0b0010: bit 1 set, bit 0 clear; first digit f = bits 252..255 set
        assertThat(h.bit(0)).isFalse();
        assertThat(h.bit(1)).isTrue();
        assertThat(h.bit(255)).isTrue();
        assertThat(h.word(0)).isEqualTo(Long.parseUnsignedLong(BRIDGE.substring(48), 16));
    }

    @Test
    void distanceIsAMetricAgainstBitByBitCount() {
        SplittableRandom rnd = new SplittableRandom(3);
        for (int t = 0; t < 500; t++) {
            PdqHash a = PdqHash.ofWords(rnd.nextLong(), rnd.nextLong(), rnd.nextLong(), rnd.nextLong());
            PdqHash b = PdqHash.ofWords(rnd.nextLong(), rnd.nextLong(), rnd.nextLong(), rnd.nextLong());
            int slow = 0;
            for (int k = 0; k < 256; k++) {
                slow += a.bit(k) != b.bit(k) ? 1 : 0;
            }
            assertThat(a.distanceTo(b)).isEqualTo(slow).isEqualTo(b.distanceTo(a));
            assertThat(a.distanceTo(a)).isZero();
            assertThat(PdqHash.parse(a.toHex())).isEqualTo(a).hasSameHashCodeAs(a);
        }
    }

    @Test
    void rejectsMalformedTextWithoutEchoingIt() {
        assertThatThrownBy(() -> PdqHash.parse(BRIDGE.substring(1)))
                .isInstanceOf(InvalidPdqHashException.class)
                .hasMessageContaining("63 characters");
        assertThatThrownBy(() -> PdqHash.parse(BRIDGE.substring(1) + "g"))
                .isInstanceOf(InvalidPdqHashException.class)
                .hasMessageContaining("position 63")
                .hasMessageNotContaining(BRIDGE.substring(1));
        assertThatThrownBy(() -> PdqHash.parse("+" + BRIDGE.substring(1))).isInstanceOf(InvalidPdqHashException.class);
        assertThatThrownBy(() -> PdqHash.parse(null)).isInstanceOf(InvalidPdqHashException.class);
    }

    @Test
    void tinyImagesGetTheZeroHashLikeTheCppCore() {
        PdqResult r = PdqHasher.hashLuma(new float[4 * 100], 4, 100);
        assertThat(r.quality()).isZero();
        assertThat(r.hash().bitCount()).isZero();
        PdqResult ok = PdqHasher.hashLuma(DownsamplerTest.randomLuma(5, 100, 1), 5, 100);
        assertThat(ok.hash().bitCount()).isBetween(100, 128);
    }
}
