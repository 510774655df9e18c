package org.filet.verify.sth;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

/**
 * A C2SP tlog-cosignature (Ed25519, {@code cosignature/v1}): a witness's statement that, at {@code time}, the checkpoint
 * it signs is the largest consistent tree head it has seen for the log. The signature line carries
 * {@code timestamp (u64, big-endian) || Ed25519 signature} over
 * {@code "cosignature/v1\n" + "time <seconds>\n" + <checkpoint body>}. Immutable.
 */
public final class Cosignature {
    private final String name;
    private final byte[] keyId;
    private final long time;
    private final byte[] signature;

    public Cosignature(String name, byte[] keyId, long time, byte[] signature) {
        this.name = TreeHead.checkName(name, "witness name");
        if (keyId.length != 4 || signature.length != 64 || time < 0) {
            throw new IllegalArgumentException("a cosignature has a 4-byte key id, a time >= 0 and 64 signature bytes");
        }
        this.keyId = keyId.clone();
        this.time = time;
        this.signature = signature.clone();
    }

    /** Reads a signature line as a cosignature/v1 (72 bytes after the key id). */
    public static Cosignature fromLine(SignedNote.Line line) throws TreeHeadException {
        byte[] sig = line.signature();
        if (sig.length != 72) {
            throw new TreeHeadException(
                    "cosignature by " + line.keyName() + ": expected 8 timestamp bytes and a 64-byte signature");
        }
        long t = ByteBuffer.wrap(sig, 0, 8).getLong();
        if (t < 0) {
            throw new TreeHeadException("cosignature by " + line.keyName() + ": timestamp beyond 2^63 - 1");
        }
        return new Cosignature(line.keyName(), line.keyId(), t, Arrays.copyOfRange(sig, 8, 72));
    }

    /** The message a cosigner signs for a checkpoint body. */
    public static byte[] message(String checkpointText, long time) {
        return ("cosignature/v1\ntime " + time + "\n" + checkpointText).getBytes(StandardCharsets.UTF_8);
    }

    /** Checks name, key id and signature against the witness key, over the checkpoint body {@code checkpointText}. */
    public void verify(String checkpointText, WitnessPublicKey key) throws TreeHeadException {
        if (!name.equals(key.name()) || !Arrays.equals(keyId, key.keyId())) {
            throw new TreeHeadException("cosignature by " + name + " does not name the witness key " + key.name());
        }
        if (!key.verify(message(checkpointText, time), signature)) {
            throw new TreeHeadException("cosignature by " + name + " does not verify over this checkpoint");
        }
    }

    public String name() {
        return name;
    }

    public Instant time() {
        return Instant.ofEpochSecond(time);
    }

    public SignedNote.Line toLine() {
        byte[] all = ByteBuffer.allocate(72).putLong(time).put(signature).array();
        return new SignedNote.Line(name, keyId, all);
    }

    @Override
    public String toString() {
        return "Cosignature[" + name + ", " + time() + "]";
    }
}
