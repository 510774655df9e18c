package org.filet.bench.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.filet.verify.merkle.ConsistencyProof;
import org.junit.jupiter.api.Test;

/** The ledger benchmarks prove what they claim: proofs that verify, a package the verifier accepts. */
class LedgerBenchTest {

    @Test
    void proofsLeadToTheRootOfTheLog() throws Exception {
        LedgerProofBenchmark b = new LedgerProofBenchmark();
        b.size = 5_000;
        b.build();
        try {
            byte[] root = b.root;
            for (int i = 0; i < 100; i++) {
                assertThat(b.inclusionProofAndVerify()).isEqualTo(root);
                assertThat(b.inclusionProof().treeSize()).isEqualTo(5_000);
                ConsistencyProof c = b.consistencyProof();
                c.verify(b.log.root(c.size1()), root);
            }
        } finally {
            b.close();
        }
    }

    @Test
    void figuresOnASmallLedgerAndAVerifiedPackage() throws Exception {
        System.setProperty("filet.bench.ledger.entries", "20000");
        System.setProperty("filet.bench.verify.mb", "16");
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            LedgerBench.run(
                    new PrintStream(bytes, true, StandardCharsets.UTF_8)); // throws if the package does not verify
            List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
            assertThat(lines)
                    .contains("ledger.entries 20000 entries", "verify.package_mb 17 MB")
                    .allMatch(l -> l.matches("(ledger|verify)\\.[a-z_0-9]+ [\\d.]+ [A-Za-z/]+"));
        } finally {
            System.clearProperty("filet.bench.ledger.entries");
            System.clearProperty("filet.bench.verify.mb");
        }
    }
}
