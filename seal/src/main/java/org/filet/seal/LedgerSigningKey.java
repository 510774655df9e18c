package org.filet.seal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import org.filet.verify.sth.LedgerPublicKey;
import org.filet.verify.sth.Pem;
import org.filet.verify.sth.SignedTreeHead;
import org.filet.verify.sth.TreeHead;
import org.filet.verify.sth.TreeHeadException;

/**
 * The instance's Ed25519 tree-head signing key (the JDK's own Ed25519, RFC 8032) with its signed-note key name.
 * Stored as two files: {@code ledger-key.pem} (PKCS#8, mode 600) and {@code ledger-key.pub.pem} (X.509 SPKI).
 *
 * <p>Guarantees: never prints or logs private material; {@link #sign} only signs the documented tree-head body.
 */
public final class LedgerSigningKey {
    public static final String PRIVATE_FILE = "ledger-key.pem";
    public static final String PUBLIC_FILE = "ledger-key.pub.pem";

    private final String keyName;
    private final PrivateKey privateKey;
    private final LedgerPublicKey publicKey;

    private LedgerSigningKey(String keyName, PrivateKey privateKey, LedgerPublicKey publicKey) {
        this.keyName = TreeHead.checkName(keyName, "key name");
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    /** A fresh key pair; {@code keyName} is usually the log origin, e.g. {@code filet:hotline-fr}. */
    public static LedgerSigningKey generate(String keyName) {
        try {
            KeyPair kp = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            return new LedgerSigningKey(keyName, kp.getPrivate(), LedgerPublicKey.of(kp.getPublic()));
        } catch (GeneralSecurityException | TreeHeadException e) {
            throw new IllegalStateException("the JDK must provide Ed25519", e);
        }
    }

    /** Loads the pair saved by {@link #save}; checks that the public file matches the private key. */
    public static LedgerSigningKey load(Path dir, String keyName) throws IOException, TreeHeadException {
        byte[] pkcs8 =
                Pem.decodeStrict("PRIVATE KEY", Files.readString(dir.resolve(PRIVATE_FILE), StandardCharsets.US_ASCII));
        LedgerPublicKey pub =
                LedgerPublicKey.fromPem(Files.readString(dir.resolve(PUBLIC_FILE), StandardCharsets.US_ASCII));
        PrivateKey priv;
        try {
            priv = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new TreeHeadException(PRIVATE_FILE + ": not an Ed25519 PKCS#8 key", e);
        }
        LedgerSigningKey key = new LedgerSigningKey(keyName, priv, pub);
        byte[] probe = "filet key check".getBytes(StandardCharsets.US_ASCII);
        if (!pub.verify(probe, key.rawSign(probe))) {
            throw new TreeHeadException(PUBLIC_FILE + " does not belong to " + PRIVATE_FILE);
        }
        return key;
    }

    /** Writes both PEM files into {@code dir} (created if needed); refuses to overwrite an existing key. */
    public void save(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path priv = dir.resolve(PRIVATE_FILE);
        Files.write(priv, new byte[0], StandardOpenOption.CREATE_NEW);
        try {
            Files.setPosixFilePermissions(priv, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // non-POSIX file system: rely on the directory's permissions
        }
        Files.writeString(priv, Pem.encode("PRIVATE KEY", privateKey.getEncoded()), StandardCharsets.US_ASCII);
        Files.writeString(
                dir.resolve(PUBLIC_FILE),
                publicKey.toPem(),
                StandardCharsets.US_ASCII,
                StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE);
    }

    public String keyName() {
        return keyName;
    }

    public LedgerPublicKey publicKey() {
        return publicKey;
    }

    /** Signs the tree head (origin, size, root, time) and returns the signed head. */
    public SignedTreeHead sign(String origin, long treeSize, byte[] rootHash, Instant timestamp) {
        TreeHead head = new TreeHead(origin, treeSize, rootHash, timestamp);
        return new SignedTreeHead(head, keyName, publicKey.keyId(keyName), rawSign(head.noteBody()));
    }

    private byte[] rawSign(byte[] message) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(privateKey);
            s.update(message);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    @Override
    public String toString() {
        return "LedgerSigningKey[" + keyName + ", " + publicKey + "]";
    }
}
