package org.filet.verify.sth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import org.filet.verify.Hex;
import org.filet.verify.Sha256;

/**
 * A witness's (cosigner's) Ed25519 public key with its name, as C2SP tlog-cosignature uses it: key id
 * {@code SHA-256(name || 0x0A || 0x04 || key)[:4]}, written as a signed-note verifier key
 * ({@code <name>+<8 hex key id>+<base64(0x04 || key)>}). Immutable.
 */
public final class WitnessPublicKey {
    /** The signed-note signature type of an Ed25519 cosignature/v1. */
    public static final byte TYPE_COSIGNATURE_V1 = 0x04;

    private final String name;
    private final LedgerPublicKey key;

    public WitnessPublicKey(String name, LedgerPublicKey key) {
        this.name = TreeHead.checkName(name, "witness name");
        this.key = key;
    }

    public String name() {
        return name;
    }

    public byte[] raw() {
        return key.raw();
    }

    public byte[] keyId() {
        MessageDigest md = Sha256.newDigest();
        md.update(name.getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0x0A);
        md.update(TYPE_COSIGNATURE_V1);
        md.update(key.raw());
        return Arrays.copyOf(md.digest(), 4);
    }

    public String toVerifierKey() {
        byte[] typed = new byte[33];
        typed[0] = TYPE_COSIGNATURE_V1;
        System.arraycopy(key.raw(), 0, typed, 1, 32);
        return name + "+" + Hex.encode(keyId()) + "+" + Base64.getEncoder().encodeToString(typed);
    }

    /** Parses a verifier key; requires type 0x04 (Ed25519 cosignature/v1) and a key id that matches. */
    public static WitnessPublicKey parse(String vkey) throws TreeHeadException {
        if (vkey == null) {
            throw new TreeHeadException("witness key: missing");
        }
        String v = vkey.strip();
        int first = v.indexOf('+');
        String[] parts = first < 0 || v.length() < first + 10 || v.charAt(first + 9) != '+'
                ? new String[0]
                : new String[] {v.substring(0, first), v.substring(first + 1, first + 9), v.substring(first + 10)};
        if (parts.length != 3) { // the base64 may itself hold '+'; the name never does
            throw new TreeHeadException("witness key: expected <name>+<8 hex key id>+<base64 key>");
        }
        byte[] typed;
        try {
            typed = Base64.getDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new TreeHeadException("witness key: the key is not standard base64");
        }
        if (typed.length != 33 || typed[0] != TYPE_COSIGNATURE_V1) {
            throw new TreeHeadException("witness key: not an Ed25519 cosignature/v1 key (type 0x04, 32 bytes)");
        }
        WitnessPublicKey key;
        try {
            key = new WitnessPublicKey(parts[0], LedgerPublicKey.fromRaw(Arrays.copyOfRange(typed, 1, 33)));
        } catch (IllegalArgumentException e) {
            throw new TreeHeadException("witness key: " + e.getMessage());
        }
        if (!Hex.encode(key.keyId()).equals(parts[1])) {
            throw new TreeHeadException("witness key: the key id does not match the name and key");
        }
        return key;
    }

    public boolean verify(byte[] message, byte[] signature) {
        return key.verify(message, signature);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WitnessPublicKey w && name.equals(w.name) && key.equals(w.key);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + key.hashCode();
    }

    @Override
    public String toString() {
        return toVerifierKey();
    }
}
