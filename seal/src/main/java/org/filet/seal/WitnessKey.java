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
import org.filet.verify.sth.Cosignature;
import org.filet.verify.sth.LedgerPublicKey;
import org.filet.verify.sth.Pem;
import org.filet.verify.sth.TreeHeadException;
import org.filet.verify.sth.WitnessPublicKey;

/**
 * A witness's Ed25519 cosigning key, kept as two files: {@code <file>} (PKCS#8 PEM, mode 600) and {@code <file>.pub}
 * (its signed-note verifier key, which names the witness). Never prints private material.
 */
public final class WitnessKey {
    private final PrivateKey privateKey;
    private final WitnessPublicKey publicKey;

    private WitnessKey(PrivateKey privateKey, WitnessPublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    public static WitnessKey generate(String name) {
        try {
            KeyPair kp = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            return new WitnessKey(kp.getPrivate(), new WitnessPublicKey(name, LedgerPublicKey.of(kp.getPublic())));
        } catch (GeneralSecurityException | TreeHeadException e) {
            throw new IllegalStateException("the JDK must provide Ed25519", e);
        }
    }

    /** Loads the key saved by {@link #save}; checks that the verifier key belongs to the private key. */
    public static WitnessKey load(Path file) throws IOException, TreeHeadException {
        byte[] pkcs8 = Pem.decodeStrict("PRIVATE KEY", Files.readString(file, StandardCharsets.US_ASCII));
        WitnessPublicKey pub = WitnessPublicKey.parse(Files.readString(pubFile(file), StandardCharsets.US_ASCII));
        PrivateKey priv;
        try {
            priv = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new TreeHeadException(file.getFileName() + ": not an Ed25519 PKCS#8 key", e);
        }
        WitnessKey key = new WitnessKey(priv, pub);
        byte[] probe = "filet witness key check".getBytes(StandardCharsets.US_ASCII);
        if (!pub.verify(probe, key.rawSign(probe))) {
            throw new TreeHeadException(pubFile(file).getFileName() + " does not belong to " + file.getFileName());
        }
        return key;
    }

    /** Writes both files; refuses to overwrite an existing key. */
    public void save(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Files.write(file, new byte[0], StandardOpenOption.CREATE_NEW);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // non-POSIX file system: rely on the directory's permissions
        }
        Files.writeString(file, Pem.encode("PRIVATE KEY", privateKey.getEncoded()), StandardCharsets.US_ASCII);
        Files.writeString(
                pubFile(file),
                publicKey.toVerifierKey() + "\n",
                StandardCharsets.US_ASCII,
                StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE);
    }

    public static Path pubFile(Path file) {
        return file.resolveSibling(file.getFileName() + ".pub");
    }

    public WitnessPublicKey publicKey() {
        return publicKey;
    }

    /** Cosigns a checkpoint body at {@code time} (seconds since the epoch). */
    public Cosignature cosign(String checkpointText, long time) {
        return new Cosignature(
                publicKey.name(), publicKey.keyId(), time, rawSign(Cosignature.message(checkpointText, time)));
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
        return "WitnessKey[" + publicKey.name() + "]";
    }
}
