package org.filet.bench.verify;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.filet.verify.merkle.ConsistencyProof;
import org.filet.verify.merkle.InclusionProof;
import org.filet.verify.merkle.MerkleLog;
import org.filet.verify.merkle.ProofException;
import org.filet.verify.merkle.Rfc9162;
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
 * Custody ledger proofs on an in-memory {@link MerkleLog}. Baseline: {@code nodeHashOnly} (one interior hash), so a
 * proof's cost reads as "so many hashes". Run: {@code java -jar benchmarks/target/benchmarks.jar LedgerProofBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class LedgerProofBenchmark {
    @Param({"1000000"})
    public long size;

    MerkleLog log;
    byte[] root;
    private final SplittableRandom rnd = new SplittableRandom(7);

    @Setup(Level.Trial)
    public void build() {
        log = MerkleLog.inMemory();
        byte[] leaf = new byte[32];
        for (long i = 0; i < size; i++) {
            leaf[0] = (byte) i;
            leaf[1] = (byte) (i >>> 8);
            leaf[2] = (byte) (i >>> 16);
            log.appendLeafHash(leaf);
        }
        root = log.root();
    }

    @TearDown(Level.Trial)
    public void close() throws Exception {
        log.close();
    }

    @Benchmark
    public byte[] nodeHashOnly() {
        return Rfc9162.nodeHash(root, root);
    }

    @Benchmark
    public InclusionProof inclusionProof() {
        return log.inclusionProof(rnd.nextLong(size), size);
    }

    @Benchmark
    public byte[] inclusionProofAndVerify() throws ProofException {
        long i = rnd.nextLong(size);
        InclusionProof p = log.inclusionProof(i, size);
        return p.rootFromLeafHash(log.subtreeHash(0, i));
    }

    @Benchmark
    public ConsistencyProof consistencyProof() {
        return log.consistencyProof(1 + rnd.nextLong(size), size);
    }
}
