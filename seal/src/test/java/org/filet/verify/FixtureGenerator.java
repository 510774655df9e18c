package org.filet.verify;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Generates the frozen v1 fixture under {@code src/test/resources/fixtures/v1/} (run once by hand; the committed
 * files must then verify forever): {@code package.zip}, the signer's {@code trusted-key.pem}, the test TSA's
 * {@code tsa-cert.pem} and {@code expected-facts.json}.
 *
 * <p>Run: {@code java -cp verify/target/test-classes:verify/target/classes:<bc jars> org.filet.verify.FixtureGenerator verify/src/test/resources/fixtures/v1}
 */
public final class FixtureGenerator {
    private FixtureGenerator() {}

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        Files.createDirectories(out);
        TestPackages.Built b = TestPackages.build(new Random(20261129), 3000, true);
        Path zip = out.resolve("package.zip");
        Files.write(zip, b.zip());
        Files.writeString(out.resolve("trusted-key.pem"), b.key().publicKey().toPem(), StandardCharsets.US_ASCII);
        Files.writeString(out.resolve("tsa-cert.pem"), b.tsa().certificatePem(), StandardCharsets.US_ASCII);
        VerificationReport r = PackageVerifier.verify(zip);
        if (!r.valid()) {
            throw new IllegalStateException("fresh fixture does not verify: " + r.findings());
        }
        Files.writeString(out.resolve("expected-facts.json"), r.toJson() + "\n", StandardCharsets.UTF_8);
    }
}
