package org.filet.verify.sth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import org.filet.seal.LedgerSigningKey;
import org.filet.seal.WitnessKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Signed notes, checkpoints and cosignatures against the C2SP texts and vectors other implementations publish. */
class CheckpointNoteTest {

    /** The example of golang.org/x/mod/sumdb/note (its package documentation), an Ed25519 (type 0x01) note. */
    static final String PETER_VKEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";

    static final String PETER_NOTE = "If you think cryptography is the answer to your problem,\n"
            + "then you don't know what your problem is.\n\n"
            + "\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";
    /** A witness verifier key of type 0x04 (cosignature/v1) from transparency-dev/formats' tests. */
    static final String REMORA_VKEY = "remora.n621.de+da77ade7+BOvN63jn/bLvkieywe8R6UYAtVtNbZpXh34x7onlmtw2";

    @TempDir
    Path dir;

    @Test
    void goSumdbNoteVerifiesWithTheSignedNoteKeyIdAndSignature() throws Exception {
        SignedNote note = SignedNote.parse(PETER_NOTE);
        assertThat(note.encode()).isEqualTo(PETER_NOTE);
        byte[] typed = Base64.getDecoder().decode(PETER_VKEY.split("\\+")[2]);
        assertThat(typed[0]).isEqualTo((byte) 1);
        LedgerPublicKey key = LedgerPublicKey.fromRaw(Arrays.copyOfRange(typed, 1, 33));
        SignedNote.Line line = note.signatures().get(0);
        assertThat(org.filet.verify.Hex.encode(key.keyId("PeterNeumann")))
                .isEqualTo("c74f20a3")
                .isEqualTo(org.filet.verify.Hex.encode(line.keyId()));
        assertThat(key.verify(note.textBytes(), line.signature())).isTrue();
        byte[] changed = note.textBytes();
        changed[3] ^= 1;
        assertThat(key.verify(changed, line.signature())).isFalse();
    }

    @Test
    void aPublishedCosignatureV1VerifierKeyParsesAndAWrongKeyIdIsRefused() throws Exception {
        WitnessPublicKey remora = WitnessPublicKey.parse(REMORA_VKEY);
        assertThat(remora.name()).isEqualTo("remora.n621.de");
        assertThat(remora.toVerifierKey()).isEqualTo(REMORA_VKEY);
        assertThatThrownBy(() -> WitnessPublicKey.parse(REMORA_VKEY.replace("da77ade7", "da77ade8")))
                .hasMessageContaining("key id");
        assertThatThrownBy(() -> WitnessPublicKey.parse(PETER_VKEY)).hasMessageContaining("type 0x04");
    }

    @Test
    void aTreeHeadIsACheckpointThatParsesBackAndVerifies() throws Exception {
        LedgerSigningKey log = LedgerSigningKey.generate("filet:test-instance");
        SignedTreeHead sth =
                log.sign("filet:test-instance", 6120, new byte[32], Instant.ofEpochMilli(1_764_000_000_123L));
        String checkpoint = sth.toSignedNote();
        assertThat(checkpoint)
                .startsWith(
                        "filet:test-instance\n6120\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\ntimestamp 1764000000123\n\n\u2014 filet:test-instance ");
        SignedTreeHead back = SignedTreeHead.fromCheckpoint(checkpoint);
        back.verify(log.publicKey());
        assertThat(back.encoded()).isEqualTo(sth.encoded());

        assertThatThrownBy(() -> SignedTreeHead.fromCheckpoint(checkpoint.replace("\n6120\n", "\n06120\n")))
                .isInstanceOf(TreeHeadException.class);
        SignedTreeHead forged = SignedTreeHead.fromCheckpoint(checkpoint.replace("\n6120\n", "\n6121\n"));
        assertThatThrownBy(() -> forged.verify(log.publicKey())).hasMessageContaining("does not verify");
        assertThatThrownBy(() -> SignedNote.parse("a\n\nb\n")).isInstanceOf(TreeHeadException.class);
        assertThatThrownBy(() -> SignedNote.parse("a\u0000\n\n\u2014 k AAAAAAA=\n"))
                .isInstanceOf(TreeHeadException.class);
    }

    @Test
    void aWitnessCosignsOverTheWholeBodyAndItsCosignatureVerifiesOnlyThere() throws Exception {
        LedgerSigningKey log = LedgerSigningKey.generate("filet:test-instance");
        SignedTreeHead sth = log.sign("filet:test-instance", 7, new byte[32], Instant.ofEpochMilli(1000));
        WitnessKey witness = WitnessKey.generate("witness.example.org/w1");
        Path file = dir.resolve("witness.key");
        witness.save(file);
        WitnessKey loaded = WitnessKey.load(file);
        assertThat(Files.readString(WitnessKey.pubFile(file)).strip())
                .isEqualTo(loaded.publicKey().toVerifierKey());

        SignedNote note = sth.toNote();
        Cosignature cosig = loaded.cosign(note.text(), 1_764_000_000L);
        SignedNote cosigned = note.with(cosig.toLine());
        assertThat(cosigned.signatures()).hasSize(2);
        SignedNote reread = SignedNote.parse(cosigned.encode());
        Cosignature back = Cosignature.fromLine(reread.signatures().get(1));
        back.verify(reread.text(), witness.publicKey());
        assertThat(back.time()).isEqualTo(Instant.ofEpochSecond(1_764_000_000L));
        // the log's own checkpoint signature still verifies with the cosignature beside it
        SignedTreeHead.fromCheckpoint(reread.encode()).verify(log.publicKey());

        SignedTreeHead other = log.sign("filet:test-instance", 8, new byte[32], Instant.ofEpochMilli(1000));
        assertThatThrownBy(() -> back.verify(other.toNote().text(), witness.publicKey()))
                .hasMessageContaining("does not verify");
        assertThatThrownBy(() -> back.verify(
                        reread.text(),
                        WitnessKey.generate("witness.example.org/w1").publicKey()))
                .isInstanceOf(TreeHeadException.class);
    }
}
