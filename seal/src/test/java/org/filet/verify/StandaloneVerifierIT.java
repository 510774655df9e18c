package org.filet.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.filet.seal.testing.InsecureTestTsa;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What seal writes, the police's standalone {@code filet-verify.jar} (built by the verify module, BouncyCastle trimmed
 * to what verifying needs) verifies on its own: time-stamped by an ECDSA TSA and by an RSA one, as public TSAs are.
 */
class StandaloneVerifierIT {

    @Test
    void ecdsaAndRsaTimestampsVerifyWithTheStandaloneJar(@TempDir Path dir) throws Exception {
        for (InsecureTestTsa tsa : List.of(
                InsecureTestTsa.create(TestPackages.T0.minusSeconds(3600)),
                InsecureTestTsa.createRsa(TestPackages.T0.minusSeconds(3600)))) {
            TestPackages.Built built = TestPackages.build(new Random(7), 5_000, tsa);
            Path zip = TestPackages.write(dir, "package.zip", built.zip());
            Path key = dir.resolve("key.pem");
            Files.writeString(key, built.key().publicKey().toPem(), StandardCharsets.US_ASCII);

            String out = run(0, zip.toString(), "--trusted-key", key.toString(), "--require-timestamp");
            assertThat(out).contains("timestamp", "CN=Filet insecure test TSA");
            assertThat(run(0, zip.toString(), "--json")).contains("\"timestamp\"");
        }
    }

    private static String run(int expected, String... args) throws Exception {
        Path jar = Path.of(System.getProperty("filet.verify.jar", "../verify/target/filet-verify.jar"));
        List<String> cmd = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (InputStream in = p.getInputStream()) {
            in.transferTo(bytes);
        }
        String output = bytes.toString(StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(output).isEqualTo(expected);
        return output;
    }
}
