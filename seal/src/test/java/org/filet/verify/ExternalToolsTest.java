package org.filet.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The package can be checked without Filet: {@code sha256sum -c} and {@code openssl ts -verify} accept it. */
class ExternalToolsTest {
    @TempDir
    Path dir;

    private Path unpackFixture() throws Exception {
        Map<String, byte[]> entries = TestPackages.unzip(TestPackages.frozenFixture("package.zip"));
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            Path p = dir.resolve(e.getKey());
            Files.createDirectories(p.getParent());
            Files.write(p, e.getValue());
        }
        Files.copy(TestPackages.frozenFixture("tsa-cert.pem"), dir.resolve("tsa-cert.pem"));
        return dir;
    }

    private static boolean onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }

    private static String run(Path cwd, List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd)
                .directory(cwd.toFile())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return p.waitFor() + ":" + out;
    }

    @Test
    void sha256sumAcceptsTheSumsFile() throws Exception {
        assumeTrue(onPath("sha256sum"), "sha256sum is not installed; skipping the coreutils cross-check");
        Path d = unpackFixture();
        assertThat(run(d, List.of("sha256sum", "-c", "--strict", "SHA256SUMS")))
                .startsWith("0:")
                .contains("files/");
        Files.write(d.resolve("case.jsonld"), "{}".getBytes(StandardCharsets.UTF_8));
        assertThat(run(d, List.of("sha256sum", "-c", "SHA256SUMS"))).doesNotStartWith("0:");
    }

    @Test
    void opensslAcceptsTheTimestampOverSthJson() throws Exception {
        assumeTrue(onPath("openssl"), "openssl is not installed; skipping the RFC 3161 cross-check");
        Path d = unpackFixture();
        assertThat(run(
                        d,
                        List.of(
                                "openssl",
                                "ts",
                                "-verify",
                                "-data",
                                "sth.json",
                                "-in",
                                "timestamp.tsr",
                                "-CAfile",
                                "tsa-cert.pem")))
                .startsWith("0:")
                .contains("Verification: OK");
        assertThat(run(
                        d,
                        List.of(
                                "openssl",
                                "ts",
                                "-verify",
                                "-data",
                                "manifest.json",
                                "-in",
                                "timestamp.tsr",
                                "-CAfile",
                                "tsa-cert.pem")))
                .doesNotStartWith("0:");
    }
}
