package org.filet.server.evidence;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalEvidenceStoreTest {

    @TempDir
    Path root;

    @Test
    void storesUnderTheSha256AndReadsBackTheSameBytes() throws Exception {
        LocalEvidenceStore store = new LocalEvidenceStore(root);
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
        LocalEvidenceStore store = new LocalEvidenceStore(root);
        byte[] content = {1, 2, 3};
        StoredObject first = store.put(new ByteArrayInputStream(content), 10);
        long modified = Files.getLastModifiedTime(store.pathOf(first.sha256())).toMillis();
        Thread.sleep(20);
        StoredObject second = store.put(new ByteArrayInputStream(content), 10);
        assertThat(second).isEqualTo(first);
        assertThat(Files.getLastModifiedTime(store.pathOf(first.sha256())).toMillis()).isEqualTo(modified);
        try (var files = Files.list(root.resolve("incoming"))) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aChangedByteOnDiskIsDetectedOnRead() throws Exception {
        LocalEvidenceStore store = new LocalEvidenceStore(root);
        StoredObject stored = store.put(new ByteArrayInputStream("original".getBytes(StandardCharsets.UTF_8)), 100);
        Path file = store.pathOf(stored.sha256());
        file.toFile().setWritable(true);
        Files.write(file, "0riginal".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> store.check(stored.sha256()))
                .isInstanceOf(EvidenceCorrupted.class)
                .hasMessageContaining(stored.sha256());
    }

    @Test
    void tooLargeKeepsNothing() throws Exception {
        LocalEvidenceStore store = new LocalEvidenceStore(root);
        assertThatThrownBy(() -> store.put(new ByteArrayInputStream(new byte[101]), 100))
                .isInstanceOf(EvidenceTooLarge.class);
        assertThat(store.contains(Sha256.hex(new byte[101]))).isFalse();
        try (var files = Files.list(root.resolve("incoming"))) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void unknownAndMalformedAddressesAreRefused() throws Exception {
        LocalEvidenceStore store = new LocalEvidenceStore(root);
        assertThatThrownBy(() -> store.open("0".repeat(64))).isInstanceOf(EvidenceNotFound.class);
        assertThatThrownBy(() -> store.open("../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
    }
}
