package org.filet.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import org.filet.verify.sth.LedgerPublicKey;
import org.junit.jupiter.api.Test;

/** The v1 package committed under src/test/resources/fixtures/v1 must keep verifying, with the same facts. */
class FrozenFixtureTest {
    static Path fixture(String name) throws URISyntaxException {
        return Path.of(
                FrozenFixtureTest.class.getResource("/fixtures/v1/" + name).toURI());
    }

    @Test
    void v1PackageKeepsVerifyingWithItsPinnedKeyAndTimestamp() throws Exception {
        LedgerPublicKey key =
                LedgerPublicKey.fromPem(Files.readString(fixture("trusted-key.pem"), StandardCharsets.US_ASCII));
        VerificationReport r = PackageVerifier.verify(fixture("package.zip"), new PackageVerifier.Options(key, true));
        assertThat(r.findings()).isEmpty();
        assertThat(r.toJson() + "\n")
                .isEqualTo(Files.readString(fixture("expected-facts.json"), StandardCharsets.UTF_8));
    }

    @Test
    void v1PackageFailsAgainstAnotherPinnedKey() throws Exception {
        LedgerPublicKey other = LedgerPublicKey.of(
                KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic());
        VerificationReport r =
                PackageVerifier.verify(fixture("package.zip"), new PackageVerifier.Options(other, false));
        assertThat(r.findings()).extracting(Finding::code).contains("key.untrusted");
    }
}
