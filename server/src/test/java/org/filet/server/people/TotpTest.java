package org.filet.server.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Test;

class TotpTest {

    private static final byte[] RFC_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    /** RFC 6238 Appendix B, HMAC-SHA1 rows (8 digits there; authenticator apps use the last 6 of the same value). */
    @Test
    void matchesTheRfc6238TestVectors() {
        long[][] vectors = {
            {59, 94287082},
            {1111111109, 7081804},
            {1111111111, 14050471},
            {1234567890, 89005924},
            {2000000000, 69279037},
            {20000000000L, 65353130}
        };
        for (long[] v : vectors) {
            long step = Totp.step(Instant.ofEpochSecond(v[0]));
            assertThat(Totp.code(RFC_KEY, step, "HmacSHA1", 8)).as("T=" + v[0]).isEqualTo(String.format("%08d", v[1]));
            assertThat(Totp.code(RFC_KEY, step, "HmacSHA1", 6)).isEqualTo(String.format("%06d", v[1] % 1_000_000));
        }
    }

    @Test
    void acceptsTheStepsAroundNowOnly() {
        String secret = new Base32().encodeToString(RFC_KEY);
        Instant now = Instant.ofEpochSecond(1_234_567_890);
        long step = Totp.step(now);
        assertThat(Totp.matchingStep(secret, Totp.code(secret, step), now)).hasValue(step);
        assertThat(Totp.matchingStep(secret, Totp.code(secret, step - 1), now)).hasValue(step - 1);
        assertThat(Totp.matchingStep(secret, Totp.code(secret, step + 1), now)).hasValue(step + 1);
        assertThat(Totp.matchingStep(secret, Totp.code(secret, step - 2), now)).isEmpty();
        assertThat(Totp.matchingStep(secret, "12345", now)).isEmpty();
        assertThat(Totp.matchingStep(secret, null, now)).isEmpty();
        String spaced = Totp.code(secret, step).substring(0, 3) + " "
                + Totp.code(secret, step).substring(3);
        assertThat(Totp.matchingStep(secret, spaced, now)).hasValue(step);
    }

    @Test
    void secretsAre160BitsInBase32AndTheUriCarriesThem() {
        String secret = Totp.newSecret();
        assertThat(secret).matches("[A-Z2-7]{32}");
        assertThat(new Base32().decode(secret)).hasSize(20);
        assertThat(Totp.uri("Filet", "ana@example.org", secret))
                .isEqualTo("otpauth://totp/Filet:ana%40example.org?secret=" + secret
                        + "&issuer=Filet&algorithm=SHA1&digits=6&period=30");
        assertThat(QrCode.svgDataUri(Totp.uri("Filet", "ana@example.org", secret)))
                .startsWith("data:image/svg+xml;base64,");
    }
}
