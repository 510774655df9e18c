package org.filet.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Tink-style tampering over the whole package: flip any bit of any byte of any file (evidence, manifest, custody,
 * head, key, timestamp, sums), truncate any file or append to it, and verification must fail and name the file with a
 * check deeper than SHA256SUMS (which alone would catch everything).
 */
class TamperPropertyTest {
    private static Map<String, byte[]> entries;
    private static List<String> names;
    private static Path dir;

    @BeforeContainer
    static void build() throws Exception {
        TestPackages.Built b = TestPackages.build(new Random(7), 700, true);
        dir = Files.createTempDirectory("filet-tamper");
        entries = TestPackages.unzip(TestPackages.write(dir, "good.zip", b.zip()));
        names = new ArrayList<>(entries.keySet());
    }

    @AfterContainer
    static void cleanUp() throws Exception {
        try (var s = Files.list(dir)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Files.delete(p);
            }
        }
        Files.delete(dir);
    }

    @Property(tries = 400, seed = "20261129")
    void flippingAnyBitOfAnyFileFailsAndNamesIt(
            @ForAll @IntRange(min = 0, max = 1000) int file,
            @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE - 1) int position,
            @ForAll @IntRange(min = 0, max = 7) int bit)
            throws Exception {
        String name = names.get(file % names.size());
        byte[] b = entries.get(name).clone();
        b[position % b.length] ^= (byte) (1 << bit);
        assertFailsNaming(name, b);
    }

    @Property(tries = 60, seed = "20261129")
    void truncatingOrAppendingToAnyFileFails(
            @ForAll @IntRange(min = 0, max = 1000) int file,
            @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE - 1) int cut,
            @ForAll boolean append)
            throws Exception {
        String name = names.get(file % names.size());
        byte[] b = entries.get(name);
        byte[] changed = append ? Arrays.copyOf(b, b.length + 1 + cut % 5) : Arrays.copyOf(b, cut % b.length);
        if (append) {
            changed[b.length] = '\n';
        }
        assertFailsNaming(name, changed);
    }

    private static void assertFailsNaming(String name, byte[] changed) throws Exception {
        Map<String, byte[]> e = new LinkedHashMap<>(entries);
        e.put(name, changed);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TestPackages.zip(e, out);
        Path p = TestPackages.write(dir, "t.zip", out.toByteArray());
        VerificationReport r = PackageVerifier.verify(p);
        assertThat(r.outcome()).as("tampered %s", name).isEqualTo(VerificationReport.Outcome.INVALID);
        assertThat(r.findings()).as("tampered %s: %s", name, r.findings()).anySatisfy(f -> {
            if (name.equals("SHA256SUMS")) {
                assertThat(f.code()).startsWith("sums.");
            } else {
                assertThat(f.code()).doesNotStartWith("sums.");
                if (name.equals("public-key.pem")) {
                    assertThat(f.code()).isIn("key.invalid", "sth.signature");
                } else {
                    assertThat(f.path()).startsWith(name);
                }
            }
        });
    }
}
