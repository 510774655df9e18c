package org.filet.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The police's {@code filet-verify.jar} as built: it holds the verifier and what verifying needs, nothing that writes
 * packages, signs heads, benchmarks or fakes a TSA, stays small, and still verifies a time-stamped package alone.
 */
class VerifierJarIT {

    /** Bytes; the jar was 2.7 MB before BouncyCastle's unused parts were left out. */
    static final long MAX_BYTES = 1_150_000;

    static Path jar() {
        return Path.of(System.getProperty("filet.verify.jar", "target/filet-verify.jar"));
    }

    @Test
    void holdsOnlyTheVerifier() throws IOException {
        List<String> names = new ArrayList<>();
        try (JarFile jar = new JarFile(jar().toFile())) {
            Collections.list(jar.entries()).forEach(e -> names.add(e.getName()));
        }
        assertThat(names)
                .contains(
                        "org/filet/verify/PackageVerifier.class",
                        "org/filet/verify/VerifyCommand.class",
                        "org/filet/verify/tsp/TimestampVerifier.class",
                        "org/bouncycastle/tsp/TimeStampToken.class");
        assertThat(names).as("test helpers").noneMatch(n -> n.contains("/testing/"));
        assertThat(names).as("benchmarks").noneMatch(n -> n.matches("(.*/)?[^/]*Bench(mark)?(\\$.*)?\\.class"));
        assertThat(names)
                .as("writers and signing keys")
                .noneMatch(n -> n.startsWith("org/filet/seal/")
                        || n.matches("org/filet/.*(Writer|SigningKey|WitnessKey|TimestampRequests)(\\$.*)?\\.class"));
        assertThat(names)
                .as("BouncyCastle's own provider and post-quantum schemes")
                .noneMatch(n ->
                        n.startsWith("org/bouncycastle/pqc/") || n.startsWith("org/bouncycastle/jcajce/provider/"));
        assertThat(Files.size(jar())).as("size of %s", jar()).isLessThanOrEqualTo(MAX_BYTES);
    }

    @Test
    void verifiesATimeStampedPackageOnItsOwnAndRefusesATamperedOne(@TempDir Path dir) throws Exception {
        Path pkg = FrozenFixtureTest.fixture("package.zip");
        Path key = FrozenFixtureTest.fixture("trusted-key.pem");
        Run ok = run(pkg.toString(), "--trusted-key", key.toString(), "--require-timestamp");
        assertThat(ok.code()).as(ok.output()).isZero();
        assertThat(ok.output()).contains("timestamp", "signature", "ledger_proofs");

        Path tampered = dir.resolve("tampered.zip");
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(pkg));
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(tampered))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                byte[] bytes = in.readAllBytes();
                if (e.getName().startsWith("files/") && bytes.length > 0) {
                    bytes[bytes.length / 2] ^= 1;
                }
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(bytes);
                out.closeEntry();
            }
        }
        Run bad = run(tampered.toString(), "--trusted-key", key.toString(), "--require-timestamp");
        assertThat(bad.code()).as(bad.output()).isEqualTo(1);
    }

    record Run(int code, String output) {}

    /** Runs {@code java -jar filet-verify.jar ARGS} in a JVM of its own (nothing else on its class path). */
    static Run run(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar().toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (InputStream in = p.getInputStream();
                OutputStream out = bytes) {
            in.transferTo(out);
        }
        return new Run(p.waitFor(), bytes.toString(StandardCharsets.UTF_8));
    }
}
