package org.filet.bench.identifiers;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.filet.identifiers.network.Networks;
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
 * Linking reports into networks from scratch, 3 identifiers per report drawn as {@link NetworkBench} draws them
 * (most unique, some shared by a few, a few very common). Run:
 * {@code java -jar benchmarks/target/benchmarks.jar NetworkBuildBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
        value = 1,
        jvmArgs = {"-Xmx1g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class NetworkBuildBenchmark {

    @Param({"100000", "1000000"})
    public int reports;

    int[] reportOf;
    long[] identifierOf;

    @Setup(Level.Trial)
    public void draw() {
        reportOf = new int[reports * 3];
        identifierOf = new long[reports * 3];
        NetworkBench.fill(reportOf, identifierOf, reports, 3, new SplittableRandom(42));
    }

    @Benchmark
    public Networks build() {
        return Networks.build(reports, reportOf, identifierOf, 1000);
    }
}
