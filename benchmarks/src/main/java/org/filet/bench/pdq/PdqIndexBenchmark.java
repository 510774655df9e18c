package org.filet.bench.pdq;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.filet.pdq.PdqHash;
import org.filet.pdq.match.LinearScanMatcher;
import org.filet.pdq.match.MatchBuffer;
import org.filet.pdq.match.MihIndex;
import org.filet.pdq.match.PdqMatcher;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One PDQ lookup (distance ≤ 31) in random hashes. Baseline: {@code scan} (the reference linear scan) next to
 * {@code index} (multi-index hashing). Queries are near-duplicates (0..31 bits) of stored entries.
 * Run: {@code java -jar benchmarks/target/benchmarks.jar PdqIndexBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(
        value = 1,
        jvmArgs = {"-Xmx1g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class PdqIndexBenchmark {

    @Param({"1000000", "10000000"})
    public int entries;

    private MihIndex index;
    private LinearScanMatcher scan;
    private PdqHash[] queries;
    private final MatchBuffer buffer = new MatchBuffer();
    private int next;

    @Setup(Level.Trial)
    public void build() {
        SplittableRandom rnd = new SplittableRandom(entries);
        MihIndex.Builder builder = MihIndex.builder();
        for (int i = 0; i < entries; i++) {
            builder.add(rnd.nextLong(), rnd.nextLong(), rnd.nextLong(), rnd.nextLong());
        }
        index = builder.build();
        scan = index.linearScan();
        queries = new PdqHash[1024];
        for (int i = 0; i < queries.length; i++) {
            long[] w = new long[4];
            index.get(rnd.nextInt(entries)).copyTo(w, 0);
            for (int k = rnd.nextInt(32); k > 0; k--) {
                int b = rnd.nextInt(256);
                w[b >>> 6] ^= 1L << b;
            }
            queries[i] = PdqHash.ofWords(w, 0);
        }
    }

    /** Baseline: compare with every entry. */
    @Benchmark
    public int scan() {
        return lookup(scan);
    }

    /** Multi-index hashing. */
    @Benchmark
    public int index() {
        return lookup(index);
    }

    private int lookup(PdqMatcher m) {
        buffer.clear();
        m.search(queries[next++ & 1023], PdqMatcher.DEFAULT_MAX_DISTANCE, buffer);
        return buffer.size();
    }
}
