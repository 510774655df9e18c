package org.filet.server.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.filet.server.support.S3ProxyProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** The S3 evidence store against a real S3-compatible server (S3Proxy on its file system back end). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class S3EvidenceStoreIT {

    static final String BUCKET = "evidence";
    static final long PART = 5L * 1024 * 1024;

    Path work;

    S3ProxyProcess proxy;
    S3Client client;
    MasterKey master;

    @BeforeAll
    void start() throws Exception {
        work = Files.createTempDirectory("filet-s3-store-");
        proxy = S3ProxyProcess.start(work.resolve("s3"), BUCKET);
        client = proxy.settings(BUCKET).client();
        master = MasterKey.load(null, work.resolve("keys").resolve("master-key.json"), true);
    }

    @AfterAll
    void stop() throws Exception {
        client.close();
        proxy.close();
        org.springframework.util.FileSystemUtils.deleteRecursively(work);
    }

    S3EvidenceStore store(MasterKey key) throws Exception {
        return new S3EvidenceStore(client, BUCKET, "test", work.resolve("spool"), key, PART);
    }

    byte[] raw(String key) {
        return client.getObjectAsBytes(b -> b.bucket(BUCKET).key(key)).asByteArray();
    }

    @Test
    void whatIsPutReadsBackAndTheBucketHoldsNoPlaintext() throws Exception {
        S3EvidenceStore store = store(master);
        byte[] content = "capture très reconnaissable 0123456789 ".repeat(200).getBytes(StandardCharsets.UTF_8);
        StoredObject stored = store.put(new ByteArrayInputStream(content), 1 << 20);
        assertThat(stored.sha256())
                .isEqualTo(HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256").digest(content)));
        assertThat(stored.size()).isEqualTo(content.length);
        try (InputStream in = store.open(stored.sha256())) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
        byte[] inBucket = raw(S3EvidenceStore.contentKey(stored.sha256()));
        assertThat(new String(inBucket, StandardCharsets.ISO_8859_1)).doesNotContain("reconnaissable");
        assertThat(inBucket.length).isGreaterThan(content.length);
        assertThat(raw(S3EvidenceStore.keyKey(stored.sha256()))).isNotEmpty();
        assertThat(store.contains(stored.sha256())).isTrue();
        List<String> listed = new ArrayList<>();
        store.list(o -> listed.add(o.sha256()));
        assertThat(listed).contains(stored.sha256()).doesNotHaveDuplicates();
        assertThat(Files.list(work.resolve("spool")).toList())
                .as("nothing left in the spool")
                .isEmpty();
    }

    @Test
    void theSameBytesTwiceKeepOneCopyThatIsNeverRewritten() throws Exception {
        S3EvidenceStore store = store(master);
        byte[] content = "deux fois la même capture".getBytes(StandardCharsets.UTF_8);
        String sha = store.put(new ByteArrayInputStream(content), 1 << 20).sha256();
        byte[] cipher = raw(S3EvidenceStore.contentKey(sha));
        byte[] key = raw(S3EvidenceStore.keyKey(sha));
        assertThat(store(master).put(new ByteArrayInputStream(content), 1 << 20).sha256())
                .isEqualTo(sha);
        assertThat(raw(S3EvidenceStore.contentKey(sha))).isEqualTo(cipher);
        assertThat(raw(S3EvidenceStore.keyKey(sha))).isEqualTo(key);
        int[] count = {0};
        store.list(o -> count[0] += o.sha256().equals(sha) ? 1 : 0);
        assertThat(count[0]).isEqualTo(1);
    }

    /**
     * What this server does with a conditional put over an existing object: S3Proxy 2.6.0 (file system back end) accepts
     * {@code If-None-Match: *} and replaces the object anyway, so on it the store's HEAD check before every write is the
     * only guard (the README says so). If a later S3Proxy refuses with 412, the store relies on that as on AWS S3.
     */
    @Test
    void s3ProxyIgnoresTheConditionSoTheStoreChecksBeforeItWrites() throws Exception {
        client.putObject(b -> b.bucket(BUCKET).key("probe/once"), RequestBody.fromString("first"));
        client.putObject(b -> b.bucket(BUCKET).key("probe/once").ifNoneMatch("*"), RequestBody.fromString("second"));
        assertThat(new String(raw("probe/once"), StandardCharsets.UTF_8)).isEqualTo("second");

        // the store, on the same server: a second write of the same bytes leaves the first ciphertext and key alone
        S3EvidenceStore store = store(master);
        byte[] content = "écrite une seule fois".getBytes(StandardCharsets.UTF_8);
        String sha = store.put(new ByteArrayInputStream(content), 1 << 20).sha256();
        var before = client.headObject(b -> b.bucket(BUCKET).key(S3EvidenceStore.contentKey(sha)));
        byte[] cipher = raw(S3EvidenceStore.contentKey(sha));
        Thread.sleep(1100); // a rewrite would show in the modification time (one-second resolution)
        store.put(new ByteArrayInputStream(content), 1 << 20);
        var after = client.headObject(b -> b.bucket(BUCKET).key(S3EvidenceStore.contentKey(sha)));
        assertThat(after.lastModified()).isEqualTo(before.lastModified());
        assertThat(raw(S3EvidenceStore.contentKey(sha))).isEqualTo(cipher);
    }

    @Test
    void anObjectChangedInTheBucketIsFoundWhenRead() throws Exception {
        S3EvidenceStore store = store(master);
        String sha = store.put(
                        new ByteArrayInputStream(
                                "une capture qui sera modifiée".repeat(50).getBytes(StandardCharsets.UTF_8)),
                        1 << 20)
                .sha256();
        byte[] cipher = raw(S3EvidenceStore.contentKey(sha));
        cipher[cipher.length / 2] ^= 0x01;
        // a hand with the bucket's credentials replaces the object (a plain put, no condition)
        client.putObject(b -> b.bucket(BUCKET).key(S3EvidenceStore.contentKey(sha)), RequestBody.fromBytes(cipher));
        assertThatThrownBy(() -> store.check(sha))
                .isInstanceOf(EvidenceCorrupted.class)
                .hasMessageContaining(sha);

        String other = store.put(
                        new ByteArrayInputStream("une autre capture".getBytes(StandardCharsets.UTF_8)), 1 << 20)
                .sha256();
        byte[] otherKey = raw(S3EvidenceStore.keyKey(other));
        // a data key moved from another object does not open it: keys are bound to their address
        String third = store.put(new ByteArrayInputStream("une troisième".getBytes(StandardCharsets.UTF_8)), 1 << 20)
                .sha256();
        client.putObject(b -> b.bucket(BUCKET).key(S3EvidenceStore.keyKey(third)), RequestBody.fromBytes(otherKey));
        assertThatThrownBy(() -> store.check(third))
                .isInstanceOf(EvidenceCorrupted.class)
                .hasMessageContaining("data key");

        assertThatThrownBy(() -> store.open("ab".repeat(32))).isInstanceOf(EvidenceNotFound.class);
    }

    @Test
    void aLargeObjectGoesUpInPartsAndReadsBack() throws Exception {
        S3EvidenceStore store = store(master);
        long size = 4 * PART + 12345; // five parts
        MessageDigest expected = MessageDigest.getInstance("SHA-256");
        StoredObject stored;
        try (InputStream in = new java.security.DigestInputStream(generated(size, 7), expected)) {
            stored = store.put(in, size);
        }
        assertThat(stored.sha256()).isEqualTo(HexFormat.of().formatHex(expected.digest()));
        long cipherSize = client.headObject(b -> b.bucket(BUCKET).key(S3EvidenceStore.contentKey(stored.sha256())))
                .contentLength();
        assertThat(cipherSize).isGreaterThan(size);
        MessageDigest read = MessageDigest.getInstance("SHA-256");
        try (InputStream in = new java.security.DigestInputStream(store.open(stored.sha256()), read)) {
            assertThat(in.transferTo(java.io.OutputStream.nullOutputStream())).isEqualTo(size);
        }
        assertThat(HexFormat.of().formatHex(read.digest())).isEqualTo(stored.sha256());
        assertThatThrownBy(() -> store.put(generated(size, 8), size - 1)).isInstanceOf(EvidenceTooLarge.class);
    }

    /** 96 MiB through the store in a JVM with a 48 MiB heap: nothing holds the object whole. */
    @Test
    void memoryStaysBoundedWhateverTheObjectsSize() throws Exception {
        long size = 96L * 1024 * 1024;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(
                java,
                "-Xmx48m",
                "-cp",
                System.getProperty("java.class.path"),
                S3StoreMemoryProbe.class.getName(),
                proxy.endpoint(),
                S3ProxyProcess.IDENTITY,
                S3ProxyProcess.CREDENTIAL,
                BUCKET,
                Files.createDirectories(work.resolve("probe")).toString(),
                String.valueOf(size));
        pb.redirectErrorStream(true);
        long started = System.nanoTime();
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(output).isZero();
        System.out.printf(
                "S3 store, 96 MiB put + read back with -Xmx48m: %.1f s%n", (System.nanoTime() - started) / 1e9);
        String[] put = output.lines()
                .filter(l -> l.startsWith("put "))
                .findFirst()
                .orElseThrow()
                .split(" ");
        assertThat(put[1]).isEqualTo(put[2]);
        assertThat(output).contains("read " + put[1]).doesNotContain("OutOfMemoryError");
    }

    @Test
    void aKeyLeftByAWriteCutShortIsAdoptedSoTheContentOpens() throws Exception {
        S3EvidenceStore store = store(master);
        byte[] content = "une écriture interrompue".getBytes(StandardCharsets.UTF_8);
        String sha = store.put(new ByteArrayInputStream(content), 1 << 20).sha256();
        byte[] key = raw(S3EvidenceStore.keyKey(sha));
        client.deleteObject(b -> b.bucket(BUCKET).key(S3EvidenceStore.contentKey(sha))); // the crash: key, no content
        store.put(new ByteArrayInputStream(content), 1 << 20);
        assertThat(raw(S3EvidenceStore.keyKey(sha)))
                .as("the key already there is kept")
                .isEqualTo(key);
        try (InputStream in = store.open(sha)) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
    }

    @Test
    void aDiscardedPendingObjectGoesAndAShreddedOneNoLongerOpens() throws Exception {
        S3EvidenceStore store = store(master);
        EvidenceStore.Pending pending =
                store.putPending(new ByteArrayInputStream("intake échouée".getBytes(StandardCharsets.UTF_8)), 1 << 20);
        String sha = pending.object().sha256();
        assertThat(store.contains(sha)).isTrue();
        pending.discard(s -> false);
        assertThat(store.contains(sha)).isFalse();

        String kept = store.put(
                        new ByteArrayInputStream("à effacer par la rétention".getBytes(StandardCharsets.UTF_8)),
                        1 << 20)
                .sha256();
        store.shred(kept);
        assertThat(store.contains(kept)).isFalse();
        assertThatThrownBy(() -> store.open(kept)).isInstanceOf(EvidenceNotFound.class);
    }

    @Test
    void rotationRewrapsKeysWithoutTouchingContentAndCopiesRoundTrip() throws Exception {
        MasterKey own = MasterKey.load(null, work.resolve("rotation").resolve("master-key.json"), true);
        S3EvidenceStore store = new S3EvidenceStore(client, BUCKET, "test", work.resolve("spool"), own, PART);
        byte[] content = "à re-chiffrer".getBytes(StandardCharsets.UTF_8);
        String sha = store.put(new ByteArrayInputStream(content), 100).sha256();
        byte[] cipher = raw(S3EvidenceStore.contentKey(sha));
        MasterKey next = own.rotated();
        // every object in the bucket is re-wrapped; those of other master keys (other tests) cannot be: use a bucket
        // alone
        client.createBucket(b -> b.bucket("rotation"));
        S3EvidenceStore alone = new S3EvidenceStore(client, "rotation", "test", work.resolve("spool"), own, PART);
        alone.put(new ByteArrayInputStream(content), 100);
        assertThat(alone.rewrap(next)).isEqualTo(1);
        try (InputStream in = alone.open(sha)) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
        assertThat(raw(S3EvidenceStore.contentKey(sha))).isEqualTo(cipher);

        Path out = Files.createDirectories(work.resolve("copy"));
        alone.copyOut(sha, out.resolve("c"), out.resolve("k"));
        LocalEvidenceStore local = new LocalEvidenceStore(work.resolve("local"), next);
        local.copyIn(sha, out.resolve("c"), out.resolve("k"));
        try (InputStream in = local.open(sha)) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
    }

    /** Deterministic pseudo-random bytes made as they are read (never held whole). */
    static InputStream generated(long size, long seed) {
        Random random = new Random(seed);
        return new InputStream() {
            long left = size;

            @Override
            public int read() {
                if (left <= 0) {
                    return -1;
                }
                left--;
                return random.nextInt(256);
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                byte[] chunk = new byte[n];
                random.nextBytes(chunk);
                System.arraycopy(chunk, 0, b, off, n);
                left -= n;
                return n;
            }
        };
    }
}
