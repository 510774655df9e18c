package org.filet.verify.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MerkleLogTest {
    private static final int SMALL = 64;

    private static MerkleLog logOf(List<byte[]> entries) {
        MerkleLog log = MerkleLog.inMemory();
        for (byte[] e : entries) {
            log.append(e);
        }
        return log;
    }

    @Test
    void rootsMatchRecursiveMthForEverySizeUpTo64() {
        List<byte[]> d = ReferenceMerkle.entries(SMALL);
        MerkleLog log = logOf(d);
        for (int n = 0; n <= SMALL; n++) {
            assertThat(log.root(n)).as("root of size %d", n).isEqualTo(ReferenceMerkle.mth(d.subList(0, n)));
        }
    }

    @Test
    void inclusionProofsMatchReferencePathAndVerifyForAllPairsUpTo64() throws Exception {
        List<byte[]> d = ReferenceMerkle.entries(SMALL);
        MerkleLog log = logOf(d);
        for (int n = 1; n <= SMALL; n++) {
            byte[] root = ReferenceMerkle.mth(d.subList(0, n));
            for (int m = 0; m < n; m++) {
                InclusionProof p = log.inclusionProof(m, n);
                assertThat(p.path())
                        .as("PATH(%d, D[%d])", m, n)
                        .usingElementComparator(java.util.Arrays::compare)
                        .containsExactlyElementsOf(ReferenceMerkle.path(m, d.subList(0, n)));
                assertThat(p.path()).hasSize(InclusionProof.expectedLength(m, n));
                p.verify(Rfc9162.leafHash(d.get(m)), root);
            }
        }
    }

    @Test
    void consistencyProofsMatchReferenceAndVerifyForAllPairsUpTo64() throws Exception {
        List<byte[]> d = ReferenceMerkle.entries(SMALL);
        MerkleLog log = logOf(d);
        for (int n = 1; n <= SMALL; n++) {
            for (int m = 1; m <= n; m++) {
                ConsistencyProof p = log.consistencyProof(m, n);
                assertThat(p.path())
                        .as("PROOF(%d, D[%d])", m, n)
                        .usingElementComparator(java.util.Arrays::compare)
                        .containsExactlyElementsOf(ReferenceMerkle.proof(m, d.subList(0, n)));
                assertThat(p.path()).hasSize(ConsistencyProof.expectedLength(m, n));
                p.verify(ReferenceMerkle.mth(d.subList(0, m)), ReferenceMerkle.mth(d.subList(0, n)));
            }
        }
    }

    @Test
    void randomPairsBeyond64MatchReference() throws Exception {
        int max = 1500;
        List<byte[]> d = ReferenceMerkle.entries(max);
        MerkleLog log = logOf(d);
        Random rnd = new Random(20261129);
        for (int t = 0; t < 60; t++) {
            int n = SMALL + 1 + rnd.nextInt(max - SMALL);
            int m = rnd.nextInt(n);
            byte[] root = ReferenceMerkle.mth(d.subList(0, n));
            assertThat(log.root(n)).isEqualTo(root);
            InclusionProof ip = log.inclusionProof(m, n);
            assertThat(ip.path())
                    .usingElementComparator(java.util.Arrays::compare)
                    .containsExactlyElementsOf(ReferenceMerkle.path(m, d.subList(0, n)));
            ip.verify(Rfc9162.leafHash(d.get(m)), root);
            int m1 = 1 + rnd.nextInt(n);
            ConsistencyProof cp = log.consistencyProof(m1, n);
            assertThat(cp.path())
                    .usingElementComparator(java.util.Arrays::compare)
                    .containsExactlyElementsOf(ReferenceMerkle.proof(m1, d.subList(0, n)));
            cp.verify(ReferenceMerkle.mth(d.subList(0, m1)), root);
        }
    }

    @Test
    void everySingleBitFlipInAnInclusionProofFails() {
        List<byte[]> d = ReferenceMerkle.entries(45);
        MerkleLog log = logOf(d);
        byte[] root = log.root();
        for (int m = 0; m < 45; m += 7) {
            List<byte[]> path = log.inclusionProof(m, 45).path();
            for (int e = 0; e < path.size(); e++) {
                for (int bit = 0; bit < 256; bit += 13) {
                    List<byte[]> bad = new ArrayList<>(path);
                    byte[] h = bad.get(e).clone();
                    h[bit / 8] ^= (byte) (1 << (bit % 8));
                    bad.set(e, h);
                    InclusionProof p = new InclusionProof(m, 45, bad);
                    byte[] leaf = Rfc9162.leafHash(d.get(m));
                    assertThatThrownBy(() -> p.verify(leaf, root))
                            .isInstanceOf(RootMismatch.class)
                            .hasMessageContaining("leaf " + p.leafIndex());
                }
            }
        }
    }

    @Test
    void wrongLeafIndexSizeOrLengthFail() {
        List<byte[]> d = ReferenceMerkle.entries(21);
        MerkleLog log = logOf(d);
        byte[] root = log.root();
        byte[] leaf = Rfc9162.leafHash(d.get(6));
        List<byte[]> path = log.inclusionProof(6, 21).path();
        assertThatThrownBy(() -> new InclusionProof(7, 21, path).verify(leaf, root))
                .isInstanceOf(ProofException.class);
        assertThatThrownBy(() -> new InclusionProof(6, 33, path).verify(leaf, root))
                .isInstanceOf(ProofException.class);
        assertThatThrownBy(() -> new InclusionProof(6, 21, path).verify(Rfc9162.leafHash(d.get(5)), root))
                .isInstanceOf(RootMismatch.class);
        List<byte[]> longer = new ArrayList<>(path);
        longer.add(new byte[32]);
        assertThatThrownBy(() -> new InclusionProof(6, 21, longer).verify(leaf, root))
                .hasMessageContaining("has " + longer.size() + " hashes, expected " + path.size());
        List<byte[]> shorter = path.subList(0, path.size() - 1);
        assertThatThrownBy(() -> new InclusionProof(6, 21, shorter).verify(leaf, root))
                .isInstanceOf(ProofException.class);
    }

    @Test
    void everyTamperedConsistencyElementOrRootFails() {
        List<byte[]> d = ReferenceMerkle.entries(64);
        MerkleLog log = logOf(d);
        for (int[] mn : new int[][] {{3, 7}, {4, 17}, {13, 64}, {1, 2}, {16, 37}}) {
            List<byte[]> path = log.consistencyProof(mn[0], mn[1]).path();
            byte[] r1 = log.root(mn[0]);
            byte[] r2 = log.root(mn[1]);
            for (int e = 0; e < path.size(); e++) {
                List<byte[]> bad = new ArrayList<>(path);
                byte[] h = bad.get(e).clone();
                h[e % 32] ^= 1;
                bad.set(e, h);
                ConsistencyProof p = new ConsistencyProof(mn[0], mn[1], bad);
                assertThatThrownBy(() -> p.verify(r1, r2)).isInstanceOf(RootMismatch.class);
            }
            ConsistencyProof good = new ConsistencyProof(mn[0], mn[1], path);
            byte[] r1bad = r1.clone();
            r1bad[0] ^= 1;
            assertThatThrownBy(() -> good.verify(r1bad, r2)).isInstanceOf(RootMismatch.class);
            assertThatThrownBy(() -> good.verify(r2, r1)).isInstanceOf(ProofException.class);
        }
    }

    @Test
    void fileBackedLogAgreesWithMemoryAndSurvivesReopen(@TempDir Path dir) throws Exception {
        List<byte[]> d = ReferenceMerkle.entries(300);
        MerkleLog mem = logOf(d);
        try (MerkleLog file = MerkleLog.openFile(dir)) {
            for (byte[] e : d.subList(0, 200)) {
                file.append(e);
            }
        }
        try (MerkleLog file = MerkleLog.openFile(dir)) {
            assertThat(file.size()).isEqualTo(200);
            for (byte[] e : d.subList(200, 300)) {
                file.append(e);
            }
            assertThat(file.root()).isEqualTo(mem.root());
            assertThat(file.root(137)).isEqualTo(ReferenceMerkle.mth(d.subList(0, 137)));
            assertThat(file.inclusionProof(211, 299).path())
                    .usingElementComparator(java.util.Arrays::compare)
                    .containsExactlyElementsOf(mem.inclusionProof(211, 299).path());
        }
    }

    @Test
    void emptyTreeRootIsSha256OfNothing() {
        assertThat(MerkleLog.inMemory().root()).isEqualTo(ReferenceMerkle.sha256());
        assertThatThrownBy(() -> MerkleLog.inMemory().inclusionProof(0, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void proofsServedWhileAppendingStayValid() throws Exception {
        List<byte[]> d = ReferenceMerkle.entries(3000);
        MerkleLog log = logOf(d.subList(0, 1));
        java.util.concurrent.atomic.AtomicReference<Throwable> failure =
                new java.util.concurrent.atomic.AtomicReference<>();
        Thread reader = new Thread(() -> {
            Random rnd = new Random(3);
            try {
                while (log.size() < d.size()) {
                    long n = log.size();
                    byte[] root = log.root(n);
                    long m = rnd.nextInt((int) n);
                    log.inclusionProof(m, n).verify(Rfc9162.leafHash(d.get((int) m)), root);
                }
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        reader.start();
        for (byte[] e : d.subList(1, d.size())) {
            log.append(e);
        }
        reader.join();
        assertThat(failure.get()).isNull();
        assertThat(log.root()).isEqualTo(ReferenceMerkle.mth(d));
    }
}
