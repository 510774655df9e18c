package org.filet.bench.identifiers;

import static org.assertj.core.api.Assertions.assertThat;

import org.filet.identifiers.network.Networks;
import org.junit.jupiter.api.Test;

/** The JMH linking benchmark builds networks that join reports sharing an identifier. */
class NetworkBuildBenchmarkTest {

    @Test
    void reportsSharingARareIdentifierAreLinked() {
        NetworkBuildBenchmark b = new NetworkBuildBenchmark();
        b.reports = 20_000;
        b.draw();
        Networks n = b.build();
        assertThat(n.reports()).isEqualTo(20_000);
        int checked = 0;
        for (int i = 0; i < b.identifierOf.length && checked < 50; i++) {
            for (int j = i + 1; j < b.identifierOf.length; j++) {
                if (b.identifierOf[j] == b.identifierOf[i]
                        && !n.tooCommon(b.identifierOf[i])
                        && b.reportOf[i] != b.reportOf[j]) {
                    assertThat(n.find(b.reportOf[i])).isEqualTo(n.find(b.reportOf[j]));
                    checked++;
                    break;
                }
            }
        }
        assertThat(checked).as("pairs of reports sharing an identifier").isPositive();
    }
}
