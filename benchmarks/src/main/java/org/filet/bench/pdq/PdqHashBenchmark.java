package org.filet.bench.pdq;

import java.awt.image.BufferedImage;
import java.util.concurrent.TimeUnit;
import org.filet.pdq.PdqHasher;
import org.filet.pdq.PdqResult;
import org.filet.pdq.image.ImageDecoder;
import org.filet.pdq.image.ImageRejectedException;
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
 * PDQ hashing of a synthetic photo-like JPEG. Baseline: {@code decodeOnly}; the P5 goal is
 * {@code decodeAndHash ≤ 1.5 × decodeOnly}. Run: {@code java -jar benchmarks/target/benchmarks.jar PdqHashBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
        value = 1,
        jvmArgs = {"-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class PdqHashBenchmark {

    @Param({"1600x1004", "4032x3024"})
    public String size;

    private byte[] jpeg;
    private BufferedImage decoded;
    private final ImageDecoder decoder = ImageDecoder.withDefaults();

    @Setup(Level.Trial)
    public void makeImage() throws ImageRejectedException {
        String[] wh = size.split("x");
        jpeg = PdqBench.syntheticJpeg(Integer.parseInt(wh[0]), Integer.parseInt(wh[1]));
        decoded = decoder.decode(jpeg, "bench.jpg").image();
    }

    /** Baseline: decode the JPEG only. */
    @Benchmark
    public BufferedImage decodeOnly() throws ImageRejectedException {
        return decoder.decode(jpeg, "bench.jpg").image();
    }

    /** Decode and hash (what hashing an upload costs). */
    @Benchmark
    public PdqResult decodeAndHash() throws ImageRejectedException {
        return PdqHasher.hash(decoder.decode(jpeg, "bench.jpg").image());
    }

    /** Hash an already decoded image. */
    @Benchmark
    public PdqResult hashOnly() {
        return PdqHasher.hash(decoded);
    }
}
