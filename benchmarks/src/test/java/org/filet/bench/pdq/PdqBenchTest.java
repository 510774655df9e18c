package org.filet.bench.pdq;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.filet.pdq.PdqHasher;
import org.filet.pdq.PdqResult;
import org.filet.pdq.image.ImageDecoder;
import org.junit.jupiter.api.Test;

/** Runs the benchmark's pieces once on small data and checks their answers (a fast but wrong benchmark fails). */
class PdqBenchTest {

    @Test
    void matchingOnASmallIndexAgreesWithTheScanAndPrintsEveryFigure() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PdqBench.matching(new PrintStream(bytes, true, StandardCharsets.UTF_8), 40_000);
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("pdq.index_agrees_with_scan 1 bool").contains("pdq.index_entries 40000 entries");
        assertThat(out.lines())
                .anyMatch(l -> l.matches("pdq\\.index_lookups_per_s \\d+ lookups/s"))
                .anyMatch(l -> l.matches("pdq\\.scan_lookups_per_s [\\d.]+ lookups/s"))
                .allMatch(l -> l.matches("pdq\\.[a-z0-9_]+ [\\d.]+ [a-zA-Z/]+"));
    }

    @Test
    void syntheticBenchImageIsAUsablePhotoSizedJpeg() throws Exception {
        byte[] jpeg = PdqBench.syntheticJpeg(1600, 1004);
        PdqResult r = PdqHasher.hash(
                ImageDecoder.withDefaults().decode(jpeg, "bench.jpg").image());
        assertThat(r.isUsable()).isTrue();
        assertThat(r.hash().bitCount()).isBetween(120, 128);
    }
}
