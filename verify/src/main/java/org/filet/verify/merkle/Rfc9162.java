package org.filet.verify.merkle;

import java.security.MessageDigest;
import org.filet.verify.Sha256;

/**
 * The Merkle tree hash of RFC 9162 §2.1.1 with SHA-256: a leaf is {@code SHA-256(0x00 || entry)}, an interior node
 * is {@code SHA-256(0x01 || left || right)} and the empty tree is {@code SHA-256()}. The distinct prefixes keep a
 * leaf from ever being read as a node (second-preimage protection). Thread-safe.
 */
public final class Rfc9162 {
    /** Length of every hash in bytes. */
    public static final int HASH_SIZE = 32;

    private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(Sha256::newDigest);

    private Rfc9162() {}

    /** MTH({}) = SHA-256() (RFC 9162 §2.1.1). */
    public static byte[] emptyRoot() {
        return DIGEST.get().digest();
    }

    /** MTH({d}) = SHA-256(0x00 || d) for one encoded entry {@code d}. */
    public static byte[] leafHash(byte[] entry) {
        MessageDigest md = DIGEST.get();
        md.update((byte) 0x00);
        md.update(entry);
        return md.digest();
    }

    /** SHA-256(0x01 || left || right). Requires two 32-byte hashes. */
    public static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest md = DIGEST.get();
        md.update((byte) 0x01);
        md.update(left);
        md.update(right);
        return md.digest();
    }

    static void checkHash(byte[] h, String what) throws ProofException {
        if (h == null || h.length != HASH_SIZE) {
            throw new ProofException(what + " must be " + HASH_SIZE + " bytes, got " + (h == null ? "null" : h.length));
        }
    }
}
