package org.filet.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.filet.seal.LedgerSigningKey;
import org.filet.seal.PackageSealException;
import org.filet.seal.SealedPackageWriter;
import org.filet.verify.custody.CustodyAction;
import org.filet.verify.merkle.MerkleLog;
import org.filet.verify.pkg.CustodyRecord;
import org.filet.verify.sth.SignedTreeHead;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackageVerifierTest {
    static TestPackages.Built built;

    @TempDir
    static Path dir;

    static Path good;

    @BeforeAll
    static void build() throws Exception {
        built = TestPackages.build(new Random(1), 5000, true);
        good = TestPackages.write(dir, "good.zip", built.zip());
    }

    private static Map<String, byte[]> entries() throws Exception {
        return TestPackages.unzip(good);
    }

    private static VerificationReport verifyEntries(Map<String, byte[]> entries, String name) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TestPackages.zip(entries, out);
        return PackageVerifier.verify(TestPackages.write(dir, name, out.toByteArray()));
    }

    @Test
    void aFreshPackageVerifiesWithFacts() {
        VerificationReport r = PackageVerifier.verify(good);
        assertThat(r.findings()).isEmpty();
        assertThat(r.outcome()).isEqualTo(VerificationReport.Outcome.VALID);
        assertThat(r.facts())
                .containsEntry("files", 4L)
                .containsEntry("tree_size", 10L)
                .containsEntry("key_sha256", built.key().publicKey().fingerprint())
                .containsKey("tsa_subject");
        assertThat(r.toJson()).startsWith("{\"facts\":").contains("\"outcome\":\"valid\"");
    }

    @Test
    void aDerivedFileNamesItsOriginalAndTheLedgerMustShowTheDerivation() throws Exception {
        Map<String, byte[]> entries = entries();
        String manifest = new String(entries.get("manifest.json"), StandardCharsets.UTF_8);
        String chat = manifest.replaceAll("(?s).*\"derived_from\":\"([0-9a-f]{64})\".*", "$1");
        assertThat(chat).hasSize(64);
        assertThat(manifest).contains("\"original_name\":\"chat export.txt\",\"path\":\"files/" + chat);

        String photo =
                manifest.replaceAll("(?s).*\"original_name\":\"IMG_0001.JPG\",\"path\":\"files/([0-9a-f]{64}).*", "$1");
        entries.put(
                "manifest.json",
                manifest.replace("\"derived_from\":\"" + chat, "\"derived_from\":\"" + photo)
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(verifyEntries(entries, "wrong-origin.zip").findings())
                .extracting(Finding::code)
                .contains("file.derivation_not_in_ledger");

        entries.put(
                "manifest.json",
                manifest.replace("\"derived_from\":\"" + chat, "\"derived_from\":\"" + "0".repeat(64))
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(verifyEntries(entries, "missing-origin.zip").findings())
                .extracting(Finding::code)
                .contains("file.derived_from", "file.derivation_not_in_ledger");
    }

    @Test
    void rewrappingTheSameEntriesStillVerifies() throws Exception {
        assertThat(verifyEntries(entries(), "rewrapped.zip").findings()).isEmpty();
    }

    @Test
    void aChangedOriginalIsNamedWithExpectedAndComputedHash() throws Exception {
        Map<String, byte[]> e = entries();
        String photo =
                e.keySet().stream().filter(n -> n.endsWith(".jpg")).findFirst().orElseThrow();
        byte[] b = e.get(photo).clone();
        b[100] ^= 0x40;
        e.put(photo, b);
        VerificationReport r = verifyEntries(e, "photo.zip");
        assertThat(r.outcome()).isEqualTo(VerificationReport.Outcome.INVALID);
        assertThat(r.findings()).anySatisfy(f -> {
            assertThat(f.code()).isEqualTo("file.sha256");
            assertThat(f.path()).isEqualTo(photo);
            assertThat(f.message())
                    .contains("expected " + photo.substring(6, 70))
                    .contains("computed " + Sha256.hex(b));
        });
    }

    @Test
    void aRemovedOrExtraFileIsNamed() throws Exception {
        Map<String, byte[]> e = entries();
        String derived = e.keySet().stream()
                .filter(n -> n.startsWith("derived/"))
                .findFirst()
                .orElseThrow();
        e.remove(derived);
        e.put("notes.txt", "x".getBytes(StandardCharsets.UTF_8));
        VerificationReport r = verifyEntries(e, "extra.zip");
        assertThat(r.findings())
                .extracting(Finding::code, Finding::path)
                .contains(
                        org.assertj.core.groups.Tuple.tuple("file.missing", derived),
                        org.assertj.core.groups.Tuple.tuple("file.unlisted", "notes.txt"));
    }

    @Test
    void aDroppedCustodyLineLeavesTheFileUnrecorded() throws Exception {
        Map<String, byte[]> e = entries();
        String custody = new String(e.get("custody.jsonl"), StandardCharsets.UTF_8);
        String withoutParsed = Arrays.stream(custody.split("\n"))
                .filter(l -> !l.contains("\"parsed\""))
                .reduce("", (a, l) -> a + l + "\n");
        e.put("custody.jsonl", withoutParsed.getBytes(StandardCharsets.UTF_8));
        VerificationReport r = verifyEntries(e, "dropped.zip");
        assertThat(r.findings()).anySatisfy(f -> assertThat(f.code()).isEqualTo("file.not_in_ledger"));
    }

    @Test
    void appendedGarbageAndTruncationOfTheZipFail() throws Exception {
        byte[] zip = built.zip();
        byte[] appended = Arrays.copyOf(zip, zip.length + 7);
        VerificationReport r = PackageVerifier.verify(TestPackages.write(dir, "appended.zip", appended));
        assertThat(r.valid()).isFalse();
        for (int cut : new int[] {1, 21, 22, 100, zip.length / 2, zip.length - 1}) {
            VerificationReport t = PackageVerifier.verify(TestPackages.write(dir, "cut.zip", Arrays.copyOf(zip, cut)));
            assertThat(t.valid()).as("truncated to %d", cut).isFalse();
        }
        assertThat(PackageVerifier.verify(TestPackages.write(dir, "tiny.zip", new byte[3]))
                        .outcome())
                .isEqualTo(VerificationReport.Outcome.UNREADABLE);
    }

    @Test
    void zipSlipNamesAreRefused() throws Exception {
        for (String bad : List.of("../evil.txt", "/abs.txt", "files/../../x", "a\\b.txt", "../dir/", "x y.txt")) {
            Map<String, byte[]> e = new LinkedHashMap<>(entries());
            e.put(bad, new byte[1]);
            VerificationReport r = verifyEntries(e, "slip.zip");
            assertThat(r.findings())
                    .as(bad)
                    .anySatisfy(f -> assertThat(f.code()).isEqualTo("zip.unsafe_name"));
        }
    }

    @Test
    void emptyDirectoryEntriesFromReZippingAreIgnored() throws Exception {
        Map<String, byte[]> e = new LinkedHashMap<>();
        e.put("files/", new byte[0]);
        e.put("derived/", new byte[0]);
        e.putAll(entries());
        assertThat(verifyEntries(e, "rezipped.zip").findings()).isEmpty();
        e.put("derived/", new byte[1]);
        assertThat(verifyEntries(e, "dirdata.zip").findings())
                .extracting(Finding::code)
                .contains("zip.unsafe_name");
    }

    @Test
    void duplicateEntryNamesAreRefused() throws Exception {
        Map<String, byte[]> e = new LinkedHashMap<>(entries());
        e.put("case.jsonlX", "{}".getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TestPackages.zip(e, out);
        byte[] zip = out.toByteArray();
        byte[] from = "case.jsonlX".getBytes(StandardCharsets.US_ASCII);
        byte[] to = "case.jsonld".getBytes(StandardCharsets.US_ASCII);
        // rename in both the local header and the central directory: two entries now share a name
        for (int i = 0; i + from.length <= zip.length; i++) {
            if (Arrays.equals(zip, i, i + from.length, from, 0, from.length)) {
                System.arraycopy(to, 0, zip, i, to.length);
            }
        }
        VerificationReport r = PackageVerifier.verify(TestPackages.write(dir, "dup.zip", zip));
        assertThat(r.valid()).isFalse();
        assertThat(r.findings())
                .anySatisfy(f -> assertThat(f.code()).isIn("zip.duplicate_entry", "package.unreadable"));
    }

    @Test
    void aZipBombIsCutOffByTheRatioLimit() throws Exception {
        Map<String, byte[]> e = new LinkedHashMap<>(entries());
        e.put("files/" + "0".repeat(64) + ".bin", new byte[8 << 20]); // 8 MiB of zeros deflates ~1000:1
        VerificationReport r = verifyEntries(e, "bomb.zip");
        assertThat(r.findings()).anySatisfy(f -> assertThat(f.code()).isEqualTo("zip.entry_too_large"));
    }

    @Test
    void writerRefusesToSealWithoutTheExportEntry() throws Exception {
        LedgerSigningKey key = LedgerSigningKey.generate(TestPackages.ORIGIN);
        byte[] doc = "{}".getBytes(StandardCharsets.UTF_8);
        MerkleLog log = MerkleLog.inMemory();
        var received =
                TestPackages.entry(CustodyAction.RECEIVED, TestPackages.T0, List.of(), List.of(Sha256.hex(doc)), null);
        long idx = log.append(received.encode());
        try (SealedPackageWriter w = SealedPackageWriter.open(
                new ByteArrayOutputStream(), TestPackages.INSTANCE, "report:R-1", TestPackages.T0)) {
            w.addOriginal(
                    Sha256.hex(doc),
                    "a.json",
                    "application/json",
                    TestPackages.T0,
                    new java.io.ByteArrayInputStream(doc));
            w.writeManifest();
            SignedTreeHead sth = key.sign(TestPackages.ORIGIN, log.size(), log.root(), TestPackages.T0);
            assertThatThrownBy(() -> w.seal(
                            List.of(CustodyRecord.of(log, idx, received, log.size())), sth, key.publicKey(), null))
                    .isInstanceOf(PackageSealException.class)
                    .hasMessageContaining("manifest.not_in_ledger");
        }
    }

    @Test
    void writerRejectsContentThatDoesNotMatchItsAnnouncedHash() {
        assertThatThrownBy(() -> {
                    try (SealedPackageWriter w =
                            SealedPackageWriter.open(new ByteArrayOutputStream(), "i", "s", TestPackages.T0)) {
                        w.addOriginal(
                                Sha256.hex(new byte[1]),
                                "a.bin",
                                "application/octet-stream",
                                TestPackages.T0,
                                new java.io.ByteArrayInputStream(new byte[2]));
                    }
                })
                .hasMessageContaining("not the announced");
    }
}
