package org.filet.bench.verify;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.filet.verify.PackageVerifier;
import org.filet.verify.Sha256;
import org.filet.verify.VerificationReport;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The offline verifier on a generated package of random files. Baseline: {@code sha256Only}, hashing the same files
 * unpacked, so the verifier's cost reads against the hashing it cannot avoid.
 * Run: {@code java -jar benchmarks/target/benchmarks.jar PackageVerifyBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class PackageVerifyBenchmark {

    @Param({"16"})
    public int megabytes;

    Path dir;
    Path zip;
    Path unpacked;

    @Setup(Level.Trial)
    public void build() throws IOException {
        dir = Files.createTempDirectory("filet-verify-bench");
        zip = dir.resolve("package.zip");
        unpacked = dir.resolve("unpacked");
        LedgerBench.buildPackage(zip, Math.max(1, megabytes / 4), 4 << 20, unpacked);
    }

    @TearDown(Level.Trial)
    public void delete() throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Baseline: SHA-256 of every file, unpacked. */
    @Benchmark
    public int sha256Only() throws IOException {
        int h = 0;
        try (Stream<Path> s = Files.list(unpacked)) {
            for (Path p : (Iterable<Path>) s.sorted()::iterator) {
                try (InputStream in = Files.newInputStream(p)) {
                    h ^= Sha256.of(in)[0];
                }
            }
        }
        return h;
    }

    /** Everything the verifier checks: files, sums, manifest, ledger proofs, signature. */
    @Benchmark
    public VerificationReport verify() {
        return PackageVerifier.verify(zip);
    }
}
