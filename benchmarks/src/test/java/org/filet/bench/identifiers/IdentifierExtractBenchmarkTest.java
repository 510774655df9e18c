package org.filet.bench.identifiers;

import static org.assertj.core.api.Assertions.assertThat;

import org.filet.identifiers.IdentifierExtractor;
import org.junit.jupiter.api.Test;

/** The JMH identifier benchmarks compute what the extractor and the normaliser answer on their inputs. */
class IdentifierExtractBenchmarkTest {

    @Test
    void extractionFindsTheInventedIdentifiersAndEveryInputNormalises() {
        IdentifierExtractBenchmark b = new IdentifierExtractBenchmark();
        b.messages = 400;
        b.setUp();

        long expected = 0;
        IdentifierExtractor extractor = IdentifierExtractor.standard();
        for (String t : IdentifierBench.syntheticMessages(400, 2026)) {
            expected += extractor.extract(t, "FR").size();
        }
        assertThat(b.extract()).isEqualTo(expected).isGreaterThanOrEqualTo(400 / 8);
        assertThat(b.normalise())
                .as("every synthetic input is a valid identifier")
                .isEqualTo(400);
        assertThat(b.findNumbersOnly())
                .as("some messages carry invented phone numbers")
                .isPositive();
    }
}
