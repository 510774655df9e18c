package org.filet.identifiers.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NetworksTest {

    @Test
    void reportsSharingAnIdentifierAreOneNetwork() {
        Networks n = Networks.build(4, new int[] {0, 1, 1, 2, 3}, new long[] {7, 7, 8, 8, 9}, 10);
        assertThat(n.find(0)).isEqualTo(n.find(1)).isEqualTo(n.find(2));
        assertThat(n.find(3)).isNotEqualTo(n.find(0));
        assertThat(n.networkSize(2)).isEqualTo(3);
    }

    @Test
    void aValueCarriedByMoreReportsThanTheCapLinksNothing() {
        int many = 100_000;
        int[] reports = new int[many];
        long[] ids = new long[many];
        for (int i = 0; i < many; i++) {
            reports[i] = i;
            ids[i] = 42; // "admin", a hotline number…
        }
        Networks n = Networks.build(many, reports, ids, 1000);
        assertThat(n.tooCommon(42)).isTrue();
        assertThat(n.networkSize(0)).isEqualTo(1);
        assertThat(n.networkSize(many - 1)).isEqualTo(1);
        assertThat(n.addReport(many, new long[] {42})).isEqualTo(many); // still alone
    }

    @Test
    void incrementalLinkingAgreesWithLinkingFromScratch() {
        SplittableRandom random = new SplittableRandom(7);
        int reports = 5_000;
        int[] reportOf = new int[reports * 3];
        long[] identifierOf = new long[reports * 3];
        for (int i = 0; i < reportOf.length; i++) {
            reportOf[i] = i / 3;
            identifierOf[i] = random.nextInt(6_000); // plenty of sharing, some values over the cap
        }
        Networks full = Networks.build(reports, reportOf, identifierOf, 4);
        Networks incremental = Networks.create(16, 16, 4);
        for (int r = 0; r < reports; r++) {
            incremental.addReport(
                    r, new long[] {identifierOf[r * 3], identifierOf[r * 3 + 1], identifierOf[r * 3 + 2]});
        }
        // the reference: the partition each builds must be the same, except that the incremental one may have linked
        // a value before it crossed the cap; so compare on values never over the cap (a straightforward recount)
        Map<Long, List<Integer>> carriers = new HashMap<>();
        for (int i = 0; i < reportOf.length; i++) {
            carriers.computeIfAbsent(identifierOf[i], k -> new ArrayList<>()).add(reportOf[i]);
        }
        for (var e : carriers.entrySet()) {
            List<Integer> rs = e.getValue();
            if (rs.size() <= 4) {
                for (int r : rs) {
                    assertThat(full.find(r)).isEqualTo(full.find(rs.get(0)));
                    assertThat(incremental.find(r)).isEqualTo(incremental.find(rs.get(0)));
                }
            }
        }
        // and the full build never joins two reports that no chain of under-cap values connects
        int[] label = new int[reports];
        for (int r = 0; r < reports; r++) {
            label[r] = r;
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (List<Integer> rs : carriers.values()) {
                if (rs.size() > 4) {
                    continue;
                }
                int min = rs.stream().mapToInt(r -> label[r]).min().orElseThrow();
                for (int r : rs) {
                    if (label[r] != min) {
                        label[r] = min;
                        changed = true;
                    }
                }
            }
        }
        for (int a = 0; a < reports; a += 7) {
            for (int b = a + 1; b < Math.min(reports, a + 50); b++) {
                assertThat(full.find(a) == full.find(b)).as("%d %d", a, b).isEqualTo(label[a] == label[b]);
            }
        }
    }
}
