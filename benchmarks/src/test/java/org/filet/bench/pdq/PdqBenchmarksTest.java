package org.filet.bench.pdq;

import static org.assertj.core.api.Assertions.assertThat;

import org.filet.pdq.PdqResult;
import org.junit.jupiter.api.Test;

/** The JMH PDQ benchmarks answer what the hasher and the scan answer. */
class PdqBenchmarksTest {

    @Test
    void decodeAndHashGivesTheHashOfTheDecodedPicture() throws Exception {
        PdqHashBenchmark b = new PdqHashBenchmark();
        b.size = "1600x1004";
        b.makeImage();
        PdqResult once = b.decodeAndHash();
        assertThat(once.hash()).isEqualTo(b.hashOnly().hash());
        assertThat(once.isUsable()).isTrue();
        assertThat(b.decodeOnly().getWidth()).isEqualTo(1600);
    }

    @Test
    void indexFindsWhatTheLinearScanFinds() {
        PdqIndexBenchmark index = new PdqIndexBenchmark();
        PdqIndexBenchmark scan = new PdqIndexBenchmark();
        index.entries = 20_000;
        scan.entries = 20_000;
        index.build();
        scan.build();
        for (int i = 0; i < 200; i++) {
            int found = index.index();
            assertThat(found)
                    .as("query %d is near a stored entry", i)
                    .isPositive()
                    .isEqualTo(scan.scan());
        }
    }
}
