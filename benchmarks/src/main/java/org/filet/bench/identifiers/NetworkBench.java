package org.filet.bench.identifiers;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.filet.identifiers.network.Networks;

/**
 * {@code linking.full_s_1m}: linking 1 million reports carrying 3 million identifiers from scratch (the identifiers
 * drawn so that most are unique, some shared by a few reports, a few carried by very many, like real reports);
 * {@code linking.incremental_ms}: adding one report to the linked million. Memory: primitive arrays only.
 */
public final class NetworkBench {

    private NetworkBench() {}

    public static void run(PrintStream out) {
        run(out, 1_000_000);
    }

    /** The same on {@code reports} reports (the figures keep their {@code _1m} names); returns the linked networks. */
    static Networks run(PrintStream out, int reports) {
        int perReport = 3;
        int[] reportOf = new int[reports * perReport];
        long[] identifierOf = new long[reports * perReport];
        SplittableRandom random = new SplittableRandom(42);
        fill(reportOf, identifierOf, reports, perReport, random);
        Networks.build(
                reports / 10,
                Arrays.copyOf(reportOf, reportOf.length / 10),
                Arrays.copyOf(identifierOf, identifierOf.length / 10),
                1000); // warm-up
        long t0 = System.nanoTime();
        Networks networks = Networks.build(reports, reportOf, identifierOf, 1000);
        long t1 = System.nanoTime();
        int n = 2000;
        long[] ids = new long[perReport];
        long t2 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < perReport; k++) {
                ids[k] = identifier(random);
            }
            networks.addReport(reports + i, ids);
        }
        long t3 = System.nanoTime();
        Runtime rt = Runtime.getRuntime();
        out.printf("linking.full_s_1m %.2f s%n", (t1 - t0) / 1e9);
        out.printf("linking.incremental_ms %.4f ms%n", (t3 - t2) / 1e6 / n);
        out.printf("linking.heap_mb %d MB%n", (rt.totalMemory() - rt.freeMemory()) >> 20);
        return networks;
    }

    static void fill(int[] reportOf, long[] identifierOf, int reports, int perReport, SplittableRandom random) {
        for (int r = 0; r < reports; r++) {
            for (int k = 0; k < perReport; k++) {
                reportOf[r * perReport + k] = r;
                identifierOf[r * perReport + k] = identifier(random);
            }
        }
    }

    /** 90% unique values, 9% from a pool of 100,000 (shared by a few), 1% from 10 very common values. */
    static long identifier(SplittableRandom random) {
        int roll = random.nextInt(100);
        if (roll < 1) {
            return 0x5EED0000L + random.nextInt(10);
        }
        if (roll < 10) {
            return 0x7AB1E000_0000L + random.nextInt(100_000);
        }
        return random.nextLong();
    }
}
