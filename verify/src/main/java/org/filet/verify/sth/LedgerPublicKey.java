package org.filet.verify.sth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import org.filet.verify.Hex;
import org.filet.verify.Sha256;

/**
 * The Ed25519 (RFC 8032) public key that verifies an instance's tree heads, stored as an X.509
 * SubjectPublicKeyInfo PEM ({@code -----BEGIN PUBLIC KEY-----}). Immutable.
 */
public final class LedgerPublicKey {
    /** DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410 §4); the raw 32-byte key follows. */
    private static final byte[] SPKI_PREFIX = Hex.decode("302a300506032b6570032100");

    private final PublicKey key;
    private final byte[] raw;

    private LedgerPublicKey(PublicKey key, byte[] raw) {
        this.key = key;
        this.raw = raw;
    }

    public static LedgerPublicKey of(PublicKey key) throws TreeHeadException {
        return fromSpki(key.getEncoded());
    }

    /** Parses DER SubjectPublicKeyInfo; requires an Ed25519 key. */
    public static LedgerPublicKey fromSpki(byte[] der) throws TreeHeadException {
        if (der.length != SPKI_PREFIX.length + 32
                || !Arrays.equals(Arrays.copyOf(der, SPKI_PREFIX.length), SPKI_PREFIX)) {
            throw new TreeHeadException("public key is not an Ed25519 SubjectPublicKeyInfo");
        }
        try {
            PublicKey k = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
            return new LedgerPublicKey(k, Arrays.copyOfRange(der, SPKI_PREFIX.length, der.length));
        } catch (GeneralSecurityException e) {
            throw new TreeHeadException("public key: not a valid Ed25519 key", e);
        }
    }

    /** From the 32-byte RFC 8032 public key. */
    public static LedgerPublicKey fromRaw(byte[] raw) throws TreeHeadException {
        if (raw == null || raw.length != 32) {
            throw new TreeHeadException("an Ed25519 public key is 32 bytes");
        }
        byte[] der = Arrays.copyOf(SPKI_PREFIX, SPKI_PREFIX.length + 32);
        System.arraycopy(raw, 0, der, SPKI_PREFIX.length, 32);
        return fromSpki(der);
    }

    /** Parses the canonical PEM written by {@link #toPem()}. */
    public static LedgerPublicKey fromPem(String pem) throws TreeHeadException {
        return fromSpki(Pem.decodeStrict("PUBLIC KEY", pem));
    }

    public String toPem() {
        return Pem.encode("PUBLIC KEY", spki());
    }

    public byte[] spki() {
        byte[] out = Arrays.copyOf(SPKI_PREFIX, SPKI_PREFIX.length + 32);
        System.arraycopy(raw, 0, out, SPKI_PREFIX.length, 32);
        return out;
    }

    /** The 32-byte RFC 8032 public key. */
    public byte[] raw() {
        return raw.clone();
    }

    /**
     * The signed-note key hint (C2SP signed-note, Ed25519): the first 4 bytes of
     * {@code SHA-256(keyName || 0x0A || 0x01 || raw)}.
     */
    public byte[] keyId(String keyName) {
        MessageDigest md = Sha256.newDigest();
        md.update(keyName.getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0x0A);
        md.update((byte) 0x01);
        md.update(raw);
        return Arrays.copyOf(md.digest(), 4);
    }

    /** SHA-256 of the SubjectPublicKeyInfo, the key's fingerprint as shown to people. */
    public String fingerprint() {
        return Sha256.hex(spki());
    }

    public boolean verify(byte[] message, byte[] signature) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(key);
            s.update(message);
            return s.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LedgerPublicKey other && Arrays.equals(raw, other.raw);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(raw);
    }

    @Override
    public String toString() {
        return "LedgerPublicKey[sha256:" + fingerprint().substring(0, 16) + "…]";
    }
}
