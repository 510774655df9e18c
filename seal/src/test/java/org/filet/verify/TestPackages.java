package org.filet.verify;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.filet.seal.LedgerSigningKey;
import org.filet.seal.SealedPackageWriter;
import org.filet.seal.testing.InsecureTestTsa;
import org.filet.verify.custody.CustodyAction;
import org.filet.verify.custody.CustodyEntry;
import org.filet.verify.merkle.MerkleLog;
import org.filet.verify.pkg.CustodyRecord;
import org.filet.verify.sth.SignedTreeHead;

/** Builds realistic small packages the way the server will: ledger entries, export entry, signed head, timestamp. */
public final class TestPackages {
    /** A file of verify's frozen v1 fixture (verify/src/test/resources/fixtures/v1), read where it is committed. */
    static Path frozenFixture(String name) {
        return Path.of(
                        System.getProperty("filet.repo.root", ".."),
                        "verify",
                        "src",
                        "test",
                        "resources",
                        "fixtures",
                        "v1",
                        name)
                .normalize();
    }

    public static final Instant T0 = Instant.parse("2026-11-29T03:00:00.000001Z");
    public static final String INSTANCE = "hotline-test";
    public static final String ORIGIN = "filet:" + INSTANCE;

    /** What a built package used. */
    public record Built(byte[] zip, LedgerSigningKey key, InsecureTestTsa tsa) {}

    private TestPackages() {}

    static CustodyEntry entry(CustodyAction a, Instant t, List<String> in, List<String> out, String reason) {
        return CustodyEntry.builder()
                .action(a)
                .actor(a == CustodyAction.VIEWED ? "user:analyst-7" : "component:test@1")
                .time(t)
                .inputs(in)
                .outputs(out)
                .reason(reason)
                .instance(INSTANCE)
                .subject("report:R-TEST1")
                .build();
    }

    /** A package with two originals, one derived file, a case.jsonld document and (optionally) a timestamp. */
    public static Built build(Random rnd, int originalBytes, boolean timestamp) throws Exception {
        return build(rnd, originalBytes, timestamp ? InsecureTestTsa.create(T0.minusSeconds(3600)) : null);
    }

    /** The same, time-stamped by {@code tsa} (none when null). */
    public static Built build(Random rnd, int originalBytes, InsecureTestTsa tsa) throws Exception {
        LedgerSigningKey key = LedgerSigningKey.generate(ORIGIN);
        byte[] photo = new byte[originalBytes];
        rnd.nextBytes(photo);
        byte[] chat = "[12/03/2026 21:04] A: t'as quel âge ?\n[12/03/2026 21:05] A: don't tell your parents\n"
                .getBytes(StandardCharsets.UTF_8);
        byte[] transcript = "{\"messages\":2}".getBytes(StandardCharsets.UTF_8);
        byte[] caseJson = "{\"@context\":{\"uco-core\":\"https://ontology.unifiedcyberontology.org/uco/core/\"}}"
                .getBytes(StandardCharsets.UTF_8);
        String hPhoto = Sha256.hex(photo);
        String hChat = Sha256.hex(chat);
        String hTranscript = Sha256.hex(transcript);

        MerkleLog log = MerkleLog.inMemory();
        List<CustodyEntry> mine = new ArrayList<>();
        List<Long> myIndexes = new ArrayList<>();
        for (int i = 0; i < 5; i++) { // unrelated earlier entries
            log.append(entry(
                            CustodyAction.RECEIVED,
                            T0.minusSeconds(100 - i),
                            List.of(),
                            List.of(Sha256.hex(new byte[] {(byte) i})),
                            null)
                    .encode());
        }
        for (CustodyEntry e : List.of(
                entry(CustodyAction.RECEIVED, T0, List.of(), List.of(hPhoto, hChat), null),
                entry(CustodyAction.PARSED, T0.plusSeconds(1), List.of(hChat), List.of(hTranscript), null),
                entry(CustodyAction.VIEWED, T0.plusSeconds(60), List.of(), List.of(hPhoto), "triage of the report"))) {
            myIndexes.add(log.append(e.encode()));
            mine.add(e);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (SealedPackageWriter w = SealedPackageWriter.open(bytes, INSTANCE, "report:R-TEST1", T0.plusSeconds(120))) {
            w.addOriginal(hPhoto, "IMG_0001.JPG", "image/jpeg", T0, new java.io.ByteArrayInputStream(photo));
            w.addOriginal(hChat, "chat export.txt", "text/plain", T0, new java.io.ByteArrayInputStream(chat));
            w.addDerived(
                    hTranscript,
                    hChat,
                    "application/json",
                    "json",
                    T0.plusSeconds(1),
                    new java.io.ByteArrayInputStream(transcript));
            w.addDocument("case.jsonld", "application/ld+json", T0.plusSeconds(120), caseJson);
            w.writeManifest();
            CustodyEntry export = entry(
                    CustodyAction.EXPORTED,
                    T0.plusSeconds(120),
                    List.of(hPhoto, hChat, hTranscript),
                    List.of(w.manifestSha256()),
                    null);
            myIndexes.add(log.append(export.encode()));
            mine.add(export);
            log.append(
                    entry(CustodyAction.STORED, T0.plusSeconds(121), List.of(), List.of(Sha256.hex(new byte[9])), null)
                            .encode());
            SignedTreeHead sth = key.sign(ORIGIN, log.size(), log.root(), T0.plusSeconds(122));
            List<CustodyRecord> records = new ArrayList<>();
            for (int i = 0; i < mine.size(); i++) {
                records.add(CustodyRecord.of(log, myIndexes.get(i), mine.get(i), log.size()));
            }
            byte[] tsr = tsa == null ? null : tsa.timestamp(sth.encoded(), T0.plusSeconds(123));
            w.seal(records, sth, key.publicKey(), tsr);
        }
        return new Built(bytes.toByteArray(), key, tsa);
    }

    /** The entries of a ZIP, in order. */
    public static Map<String, byte[]> unzip(Path zip) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipFile zf = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> en = zf.entries();
            while (en.hasMoreElements()) {
                ZipEntry e = en.nextElement();
                try (InputStream in = zf.getInputStream(e)) {
                    out.put(e.getName(), in.readAllBytes());
                }
            }
        }
        return out;
    }

    /** Writes entries as a plain ZIP (used to build tampered packages). */
    public static void zip(Map<String, byte[]> entries, OutputStream target) throws IOException {
        try (ZipOutputStream z = new ZipOutputStream(target)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
    }

    public static Path write(Path dir, String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }
}
