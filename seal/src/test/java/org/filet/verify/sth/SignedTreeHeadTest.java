package org.filet.verify.sth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import org.filet.seal.LedgerSigningKey;
import org.filet.verify.Sha256;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SignedTreeHeadTest {
    private static final byte[] ROOT = Sha256.of("root".getBytes(StandardCharsets.UTF_8));
    private static final Instant T = Instant.parse("2026-11-29T03:39:06.123Z");

    @Test
    void noteBodyIsTheDocumentedCheckpoint() {
        TreeHead h = new TreeHead("filet:hotline-fr", 42, ROOT, T);
        assertThat(new String(h.noteBody(), StandardCharsets.UTF_8))
                .isEqualTo("filet:hotline-fr\n42\n" + Base64.getEncoder().encodeToString(ROOT) + "\ntimestamp "
                        + T.toEpochMilli() + "\n");
    }

    @Test
    void signVerifyAndRoundTripThroughSthJson() throws Exception {
        LedgerSigningKey key = LedgerSigningKey.generate("filet:hotline-fr");
        SignedTreeHead sth = key.sign("filet:hotline-fr", 42, ROOT, T);
        sth.verify(key.publicKey());
        SignedTreeHead back = SignedTreeHead.decode(sth.encoded());
        back.verify(key.publicKey());
        assertThat(back.encoded()).isEqualTo(sth.encoded());
        assertThat(sth.toSignedNote()).startsWith("filet:hotline-fr\n42\n").contains("\n\n\u2014 filet:hotline-fr ");
    }

    @Test
    void otherKeyOrAlteredHeadFails() throws Exception {
        LedgerSigningKey key = LedgerSigningKey.generate("filet:a");
        SignedTreeHead sth = key.sign("filet:a", 7, ROOT, T);
        LedgerPublicKey other = LedgerSigningKey.generate("filet:a").publicKey();
        assertThatThrownBy(() -> sth.verify(other))
                .isInstanceOf(TreeHeadException.class)
                .hasMessageContaining("key id");
        String json = new String(sth.encoded(), StandardCharsets.UTF_8).replace("\"tree_size\":7", "\"tree_size\":8");
        SignedTreeHead forged = SignedTreeHead.decode(json.getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> forged.verify(key.publicKey())).hasMessageContaining("signature");
    }

    @Test
    void everyByteFlipOfSthJsonFails() throws Exception {
        LedgerSigningKey key = LedgerSigningKey.generate("filet:a");
        byte[] good = key.sign("filet:a", 1234, ROOT, T).encoded();
        for (int i = 0; i < good.length; i++) {
            byte[] bad = good.clone();
            bad[i] ^= 0x01;
            int pos = i;
            assertThatThrownBy(() -> SignedTreeHead.decode(bad).verify(key.publicKey()))
                    .as("flip at %d", pos)
                    .isInstanceOf(TreeHeadException.class);
        }
    }

    @Test
    void keysSaveAndLoad(@TempDir Path dir) throws Exception {
        LedgerSigningKey key = LedgerSigningKey.generate("filet:a");
        key.save(dir);
        LedgerSigningKey loaded = LedgerSigningKey.load(dir, "filet:a");
        assertThat(loaded.publicKey()).isEqualTo(key.publicKey());
        loaded.sign("filet:a", 1, ROOT, T).verify(key.publicKey());
        assertThat(LedgerPublicKey.fromPem(key.publicKey().toPem())).isEqualTo(key.publicKey());
        assertThatThrownBy(() -> key.save(dir)).isInstanceOf(java.nio.file.FileAlreadyExistsException.class);
        assertThatThrownBy(() -> LedgerPublicKey.fromPem(key.publicKey().toPem().replace("\n-----END", "\n\n-----END")))
                .isInstanceOf(TreeHeadException.class);
    }
}
