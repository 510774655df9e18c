package org.filet.bench.identifiers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.filet.identifiers.network.Networks;
import org.junit.jupiter.api.Test;

/** The linking benchmark on 20,000 reports: its networks join every two reports that share an identifier. */
class NetworkBenchTest {

    @Test
    void reportsSharingAnIdentifierEndInOneNetwork() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int reports = 20_000;
        Networks networks = NetworkBench.run(new PrintStream(bytes, true, StandardCharsets.UTF_8), reports);

        // the same draws as the benchmark: 3 identifiers per report, then 2,000 reports added one by one
        SplittableRandom random = new SplittableRandom(42);
        int[] reportOf = new int[reports * 3];
        long[] identifierOf = new long[reports * 3];
        NetworkBench.fill(reportOf, identifierOf, reports, 3, random);
        Map<Long, List<Integer>> carriers = new HashMap<>();
        for (int i = 0; i < reportOf.length; i++) {
            carriers.computeIfAbsent(identifierOf[i], k -> new ArrayList<>()).add(reportOf[i]);
        }
        for (int i = 0; i < 2000; i++) {
            for (int k = 0; k < 3; k++) {
                carriers.computeIfAbsent(NetworkBench.identifier(random), x -> new ArrayList<>())
                        .add(reports + i);
            }
        }
        int linked = 0;
        for (Map.Entry<Long, List<Integer>> e : carriers.entrySet()) {
            if (e.getValue().size() < 2 || networks.tooCommon(e.getKey())) {
                continue;
            }
            int network = networks.find(e.getValue().get(0));
            for (int r : e.getValue()) {
                assertThat(networks.find(r))
                        .as("report %d carries a shared identifier", r)
                        .isEqualTo(network);
            }
            linked++;
        }
        assertThat(linked).as("identifiers shared by several reports").isGreaterThan(100);
        assertThat(networks.reports()).isEqualTo(reports + 2000);
        assertThat(bytes.toString(StandardCharsets.UTF_8)
                        .lines()
                        .map(l -> l.split(" ")[0])
                        .toList())
                .containsExactly("linking.full_s_1m", "linking.incremental_ms", "linking.heap_mb");
    }
}
