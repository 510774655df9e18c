package org.filet.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.filet.verify.json.JsonException;
import org.filet.verify.pkg.Manifest;
import org.filet.verify.pkg.SealChecks;
import org.junit.jupiter.api.Test;

/**
 * Single-bit flips of the seal files of the frozen fixture — every byte of the head and the key, every third byte of
 * the manifest and the custody ledger (JDK Ed25519 verification costs ~3 ms, so the loop is thinned), varying the
 * bit — are caught by the seal checks alone, without help from SHA256SUMS. All failures are gathered into one
 * report (Tink's vector-loop style). The timestamp is left out here (it only slows the loop; its own exhaustive flip
 * test is in {@code TimestampVerifierTest}).
 */
class SealFilesTamperTest {
    @Test
    void everyBitFlipOfEverySealFileIsCaught() throws Exception {
        Map<String, byte[]> e = TestPackages.unzip(TestPackages.frozenFixture("package.zip"));
        List<String> escaped = new ArrayList<>();
        int tried = 0;
        for (String name : List.of("manifest.json", "custody.jsonl", "sth.json", "public-key.pem")) {
            byte[] original = e.get(name);
            int stride = original.length > 500 ? 3 : 1;
            for (int i = 0; i < original.length; i += stride) {
                Map<String, byte[]> m = new LinkedHashMap<>(e);
                byte[] b = original.clone();
                b[i] ^= (byte) (1 << (i % 8));
                m.put(name, b);
                tried++;
                if (findings(m).isEmpty()) {
                    escaped.add(name + "@" + i);
                }
            }
        }
        assertThat(findings(e)).isEmpty();
        assertThat(tried).isGreaterThan(1000);
        assertThat(escaped).as("flips that still verified").isEmpty();
    }

    private static List<Finding> findings(Map<String, byte[]> m) {
        Manifest parsed;
        try {
            parsed = Manifest.decode(m.get("manifest.json"));
        } catch (JsonException ex) {
            parsed = null;
        }
        List<Finding> findings = new ArrayList<>();
        SealChecks.run(
                new SealChecks.Input(
                        m.get("manifest.json"),
                        parsed,
                        m.get("custody.jsonl"),
                        m.get("sth.json"),
                        m.get("public-key.pem"),
                        null,
                        null),
                findings,
                new LinkedHashMap<>());
        return findings;
    }
}
