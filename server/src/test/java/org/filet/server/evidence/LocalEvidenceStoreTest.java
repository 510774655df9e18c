package org.filet.server.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.filet.verify.Sha256;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalEvidenceStoreTest {

    @TempDir
    Path root;

    @TempDir
    Path keys;

    private MasterKey master;

    private MasterKey key() {
        if (master == null) {
            master = MasterKey.load(null, keys.resolve("master-key.json"), true);
        }
        return master;
    }

    @Test
    void noPlaintextReachesTheDisk() throws Exception {
        LocalEvidenceStore store = new LocalEvidenceStore(root, key());
        byte[] content = "message très reconnaissable 0123456789".repeat(100).getBytes(StandardCharsets.UTF_8);
        StoredObject stored = store.put(new ByteArrayInputStream(content), 1 << 20);
        byte[] onDisk = Files.readAllBytes(store.pathOf(stored.sha256()));
        assertThat(new String(onDisk, StandardCharsets.ISO_8859_1)).doesNotContain("reconnaissable");
        assertThat(onDisk.length).isGreaterThan(content.length);
        assertThat(Files.exists(store.keyPathOf(stored.sha256()))).isTrue();
    }

    @Test
    void rotationRewrapsKeysWithoutTouchingContent() throws Exception {
        LocalEvidenceStore store = new LocalEvidenceStore(root, key());
        byte[] content = "capture".getBytes(StandardCharsets.UTF_8);
        StoredObject stored = store.put(new ByteArrayInputStream(content), 100);
        byte[] cipherBefore = Files.readAllBytes(store.pathOf(stored.sha256()));
        byte[] keyBefore = Files.readAllBytes(store.keyPathOf(stored.sha256()));

        MasterKey next = key().rotated();
        assertThat(next.primaryKeyId()).isNotEqualTo(key().primaryKeyId());
        assertThat(store.rewrap(next)).isEqualTo(1);

        assertThat(Files.readAllBytes(store.pathOf(stored.sha256()))).isEqualTo(cipherBefore);
        assertThat(Files.readAllBytes(store.keyPathOf(stored.sha256()))).isNotEqualTo(keyBefore);
        try (InputStream in = new LocalEvidenceStore(root, next).open(stored.sha256())) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
        // the old master key alone can no longer open the re-wrapped key
        assertThatThrownBy(() -> new LocalEvidenceStore(root, key()).check(stored.sha256()))
                .isInstanceOf(EvidenceCorrupted.class);
    }

    @Test
    void anExistingStoreWithoutItsMasterKeyRefusesToOpen() throws Exception {
        LocalEvidenceStore store = new LocalEvidenceStore(root, key());
        store.put(new ByteArrayInputStream(new byte[] {1}), 10);
        assertThat(LocalEvidenceStore.holdsObjects(root)).isTrue();
        assertThatThrownBy(() -> MasterKey.load(null, keys.resolve("missing.json"), false))
                .isInstanceOf(MasterKey.MasterKeyUnavailable.class)
                .hasMessageContaining("master key is missing");
    }

    @Test
    void anotherMasterKeyCannotReadTheEvidence() throws Exception {
        LocalEvidenceStore store = new LocalEvidenceStore(root, key());
        StoredObject stored = store.put(new ByteArrayInputStream(new byte[] {1, 2, 3}), 10);
        MasterKey other = MasterKey.load(null, keys.resolve("other.json"), true);
        assertThatThrownBy(() -> new LocalEvidenceStore(root, other).check(stored.sha256()))
                .isInstanceOf(EvidenceCorrupted.class);
    }

    @Test
    void storesUnderTheSha256AndReadsBackTheSameBytes() throws Exception {
        LocalEvidenceStore store = new LocalEvidenceStore(root, key());
        byte[] content = "capture d'écran".getBytes(StandardCharsets.UTF_8);
        StoredObject stored = store.put(new ByteArrayInputStream(content), 1000);
        assertThat(stored.sha256()).isEqualTo(Sha256.hex(content));
        assertThat(stored.size()).isEqualTo(content.length);
        assertThat(store.contains(stored.sha256())).isTrue();
        try (InputStream in = store.open(stored.sha256())) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
        assertThat(Files.getPosixFilePermissions(store.pathOf(stored.sha256())))
                .doesNotContain(java.nio.file.attribute.PosixFilePermission.OWNER_WRITE); // read-only (root ignores it)
    }

    @Test
    void storingTheSameBytesTwiceKeepsOneUntouchedCopy() throws Exception {
        LocalEvidenceStore store = new LocalEvidenceStore(root, key());
        byte[] content = {1, 2, 3};
        StoredObject first = store.put(new ByteArrayInputStream(content), 10);
        long modified = Files.getLastModifiedTime(store.pathOf(first.sha256())).toMillis();
        Thread.sleep(20);
        StoredObject second = store.put(new ByteArrayInputStream(content), 10);
        assertThat(second).isEqualTo(first);
        assertThat(Files.getLastModifiedTime(store.pathOf(first.sha256())).toMillis())
                .isEqualTo(modified);
        try (var files = Files.list(root.resolve("incoming"))) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aChangedByteOnDiskIsDetectedOnRead() throws Exception {
        LocalEvidenceStore store = new LocalEvidenceStore(root, key());
        StoredObject stored = store.put(new ByteArrayInputStream("original".getBytes(StandardCharsets.UTF_8)), 100);
        Path file = store.pathOf(stored.sha256());
        file.toFile().setWritable(true);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 5] ^= 1;
        Files.write(file, bytes);
        assertThatThrownBy(() -> store.check(stored.sha256()))
                .isInstanceOf(EvidenceCorrupted.class)
                .hasMessageContaining(stored.sha256());
    }

    @Test
    void tooLargeKeepsNothing() throws Exception {
        LocalEvidenceStore store = new LocalEvidenceStore(root, key());
        assertThatThrownBy(() -> store.put(new ByteArrayInputStream(new byte[101]), 100))
                .isInstanceOf(EvidenceTooLarge.class);
        assertThat(store.contains(Sha256.hex(new byte[101]))).isFalse();
        try (var files = Files.list(root.resolve("incoming"))) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void unknownAndMalformedAddressesAreRefused() throws Exception {
        LocalEvidenceStore store = new LocalEvidenceStore(root, key());
        assertThatThrownBy(() -> store.open("0".repeat(64))).isInstanceOf(EvidenceNotFound.class);
        assertThatThrownBy(() -> store.open("../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
    }
}
