package org.filet.bench.verify;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.filet.seal.LedgerSigningKey;
import org.filet.seal.PackageSealException;
import org.filet.seal.SealedPackageWriter;
import org.filet.verify.PackageVerifier;
import org.filet.verify.Sha256;
import org.filet.verify.VerificationReport;
import org.filet.verify.custody.CustodyAction;
import org.filet.verify.custody.CustodyEntry;
import org.filet.verify.merkle.InclusionProof;
import org.filet.verify.merkle.MerkleLog;
import org.filet.verify.merkle.ProofException;
import org.filet.verify.pkg.CustodyRecord;
import org.filet.verify.sth.SignedTreeHead;

/**
 * {@code ./filet bench ledger}: the custody ledger and package verifier figures, self-timed, one per line.
 *
 * <ul>
 *   <li>{@code ledger.tree_appends_per_s}: leaf hashes appended to a file-backed {@link MerkleLog} (tree maths and
 *       storage only: the entry encoding and leaf hashing are the server's cost);</li>
 *   <li>{@code ledger.proof_us}: one inclusion proof (build + verify) at the full size, mean over random leaves;
 *       also {@code ledger.consistency_proof_us};</li>
 *   <li>{@code verify.mb_per_s}: {@link PackageVerifier} on a generated package; {@code verify.sha256sum_mb_per_s}:
 *       the same files unpacked and hashed by {@code sha256sum} (or Java SHA-256 if it is absent);
 *       {@code verify.ratio_to_sha256sum}.</li>
 * </ul>
 * Sizes: system properties {@code filet.bench.ledger.entries} (default 10,000,000) and
 * {@code filet.bench.verify.mb} (default 256).
 */
public final class LedgerBench {
    private LedgerBench() {}

    public static void run(PrintStream out) throws IOException {
        long entries = Long.getLong("filet.bench.ledger.entries", 10_000_000L);
        int megabytes = Integer.getInteger("filet.bench.verify.mb", 256);
        Path tmp = Files.createTempDirectory("filet-ledger-bench");
        try {
            ledger(out, tmp.resolve("log"), entries);
            verify(out, tmp, megabytes);
        } finally {
            deleteTree(tmp);
        }
    }

    private static void ledger(PrintStream out, Path dir, long n) throws IOException {
        try (MerkleLog warm = MerkleLog.inMemory()) {
            appendAll(warm, Math.min(n, 1_000_000));
        }
        try (MerkleLog log = MerkleLog.openFile(dir)) {
            long t0 = System.nanoTime();
            appendAll(log, n);
            log.sync();
            double secs = (System.nanoTime() - t0) / 1e9;
            out.printf("ledger.tree_appends_per_s %.0f appends/s%n", n / secs);

            byte[] root = log.root();
            SplittableRandom rnd = new SplittableRandom(42);
            long sink = 0;
            for (int i = 0; i < 20_000; i++) { // warm-up
                sink += proveAndVerify(log, rnd.nextLong(n), n, root);
            }
            int rounds = 20_000;
            long[] samples = new long[rounds];
            for (int i = 0; i < rounds; i++) {
                long s = System.nanoTime();
                sink += proveAndVerify(log, rnd.nextLong(n), n, root);
                samples[i] = System.nanoTime() - s;
            }
            Arrays.sort(samples);
            out.printf(
                    "ledger.proof_us %.1f us%n",
                    Arrays.stream(samples).average().orElse(0) / 1e3);
            out.printf("ledger.proof_p99_us %.1f us%n", samples[(int) (rounds * 0.99)] / 1e3);
            long s = System.nanoTime();
            for (int i = 0; i < rounds; i++) {
                sink += log.consistencyProof(1 + rnd.nextLong(n), n).path().size();
            }
            out.printf("ledger.consistency_proof_us %.1f us%n", (System.nanoTime() - s) / 1e3 / rounds);
            out.printf("ledger.entries %d entries%n", n + (sink == 42 ? 1 : 0));
        }
    }

    private static void appendAll(MerkleLog log, long n) {
        byte[] leaf = new byte[32];
        for (long i = 0; i < n; i++) {
            leaf[0] = (byte) i;
            leaf[1] = (byte) (i >>> 8);
            leaf[2] = (byte) (i >>> 16);
            leaf[3] = (byte) (i >>> 24);
            log.appendLeafHash(leaf);
        }
    }

    private static int proveAndVerify(MerkleLog log, long index, long size, byte[] root) {
        InclusionProof p = log.inclusionProof(index, size);
        try {
            p.verify(log.subtreeHash(0, index), root);
        } catch (ProofException e) {
            throw new IllegalStateException("benchmark proof failed to verify", e);
        }
        return p.path().size();
    }

    private static void verify(PrintStream out, Path tmp, int megabytes) throws IOException {
        Path small = tmp.resolve("warm.zip");
        Path big = tmp.resolve("package.zip");
        Path unpacked = tmp.resolve("unpacked");
        buildPackage(small, 8, 1 << 20, null);
        for (int i = 0; i < 3; i++) {
            PackageVerifier.verify(small);
        }
        int fileMb = 16;
        buildPackage(big, Math.max(1, megabytes / fileMb), fileMb << 20, unpacked);
        long bytes = 0;
        try (Stream<Path> s = Files.list(unpacked)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                bytes += Files.size(p);
            }
        }
        double best = Double.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            VerificationReport r = PackageVerifier.verify(big);
            best = Math.min(best, (System.nanoTime() - t0) / 1e9);
            if (!r.valid()) {
                throw new IllegalStateException("benchmark package does not verify: " + r.findings());
            }
        }
        double verifyMbs = bytes / 1e6 / best;
        double sumBest = Double.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            hashLikeSha256sum(unpacked);
            sumBest = Math.min(sumBest, (System.nanoTime() - t0) / 1e9);
        }
        double sumMbs = bytes / 1e6 / sumBest;
        out.printf("verify.mb_per_s %.0f MB/s%n", verifyMbs);
        out.printf("verify.sha256sum_mb_per_s %.0f MB/s%n", sumMbs);
        out.printf("verify.ratio_to_sha256sum %.2f x%n", verifyMbs / sumMbs);
        out.printf("verify.package_mb %.0f MB%n", bytes / 1e6);
    }

    private static void hashLikeSha256sum(Path dir) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("sha256sum"));
        try (Stream<Path> s = Files.list(dir)) {
            s.sorted(Comparator.naturalOrder()).forEach(p -> cmd.add(p.toString()));
        }
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            p.getInputStream().transferTo(OutputStream.nullOutputStream());
            if (p.waitFor() == 0) {
                return;
            }
        } catch (IOException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
        for (String f : cmd.subList(1, cmd.size())) { // no sha256sum binary: hash in Java, file by file
            try (InputStream in = Files.newInputStream(Path.of(f))) {
                Sha256.of(in);
            }
        }
    }

    /** A package of {@code count} random files of {@code size} bytes, proved in a small ledger. */
    static void buildPackage(Path zip, int count, int size, Path unpackTo) throws IOException {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        String instance = "bench";
        LedgerSigningKey key = LedgerSigningKey.generate("filet:" + instance);
        SplittableRandom rnd = new SplittableRandom(count);
        MerkleLog log = MerkleLog.inMemory();
        List<CustodyEntry> recorded = new ArrayList<>();
        List<Long> indexes = new ArrayList<>();
        if (unpackTo != null) {
            Files.createDirectories(unpackTo);
        }
        try (OutputStream os = Files.newOutputStream(zip);
                SealedPackageWriter w = SealedPackageWriter.open(
                        new java.io.BufferedOutputStream(os, 1 << 16), instance, "report:BENCH", t)) {
            byte[] data = new byte[size];
            for (int i = 0; i < count; i++) {
                for (int j = 0; j < size; j += 8) {
                    long v = rnd.nextLong();
                    for (int k = 0; k < 8 && j + k < size; k++) {
                        data[j + k] = (byte) (v >>> (8 * k));
                    }
                }
                String sha = Sha256.hex(data);
                if (unpackTo != null) {
                    Files.write(unpackTo.resolve(sha + ".bin"), data);
                }
                w.addOriginal(
                        sha,
                        "file" + i + ".bin",
                        "application/octet-stream",
                        t,
                        new java.io.ByteArrayInputStream(data));
                CustodyEntry e = entry(CustodyAction.RECEIVED, t, List.of(sha));
                indexes.add(log.append(e.encode()));
                recorded.add(e);
            }
            w.writeManifest();
            CustodyEntry export = entry(CustodyAction.EXPORTED, t, List.of(w.manifestSha256()));
            indexes.add(log.append(export.encode()));
            recorded.add(export);
            SignedTreeHead sth = key.sign("filet:" + instance, log.size(), log.root(), t);
            List<CustodyRecord> records = new ArrayList<>();
            for (int i = 0; i < recorded.size(); i++) {
                records.add(CustodyRecord.of(log, indexes.get(i), recorded.get(i), log.size()));
            }
            w.seal(records, sth, key.publicKey(), null);
        } catch (PackageSealException e) {
            throw new IllegalStateException(e);
        }
    }

    private static CustodyEntry entry(CustodyAction action, Instant t, List<String> outputs) {
        return CustodyEntry.builder()
                .action(action)
                .actor("component:bench@1")
                .time(t)
                .outputs(outputs)
                .instance("bench")
                .subject("report:BENCH")
                .build();
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Runs the benchmark from the command line. */
    public static void main(String[] args) throws IOException {
        run(System.out);
    }
}
