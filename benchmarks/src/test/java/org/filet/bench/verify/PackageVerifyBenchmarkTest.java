package org.filet.bench.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** The verifier benchmark verifies a valid package, and its baseline hashes every file. */
class PackageVerifyBenchmarkTest {

    @Test
    void thePackageVerifies() throws Exception {
        PackageVerifyBenchmark b = new PackageVerifyBenchmark();
        b.megabytes = 8;
        b.build();
        try {
            assertThat(b.verify().valid()).as(b.verify().findings().toString()).isTrue();
            try (var files = Files.list(b.unpacked)) {
                assertThat(files.count()).isEqualTo(2);
            }
            assertThat(b.sha256Only()).isEqualTo(b.sha256Only());
        } finally {
            b.delete();
        }
        assertThat(b.dir).doesNotExist();
    }
}
