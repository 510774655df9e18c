package org.filet.server.evidence;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.streamingaead.StreamingAeadConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;

/**
 * The master key that wraps every evidence object's data key: a Tink AES-256-GCM keyset, so that it can hold several
 * keys (the primary one wraps, all of them unwrap) and be rotated without re-encrypting any evidence.
 *
 * <p>It comes from {@code FILET_MASTER_KEY} (the keyset's JSON) or from a key file ({@code FILET_MASTER_KEY_FILE},
 * default {@code <data>/keys/master-key.json}). A new installation generates the file on first start and says where;
 * an existing evidence store without its key refuses to start: evidence is never written or read in plaintext.
 *
 * <p>The key file is a cleartext keyset (Tink's "insecure" access, named so on purpose): protect it like the evidence
 * itself, back it up apart from it, and prefer a hardware or cloud KMS where one exists.
 */
public final class MasterKey {

    static {
        try {
            AeadConfig.register();
            StreamingAeadConfig.register();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Tink could not be initialised", e);
        }
    }

    private final KeysetHandle keyset;
    private final Aead aead;
    private final String origin;

    private MasterKey(KeysetHandle keyset, String origin) throws GeneralSecurityException {
        this.keyset = keyset;
        this.aead = keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
        this.origin = origin;
    }

    /** What went wrong loading the master key; the message says what to do. */
    public static final class MasterKeyUnavailable extends IllegalStateException {
        MasterKeyUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Loads the master key from the environment value, else from the file; generates the file when there is neither
     * and {@code mayGenerate} (a new installation).
     */
    public static MasterKey load(String inline, Path file, boolean mayGenerate) {
        try {
            if (inline != null && !inline.isBlank()) {
                return new MasterKey(
                        TinkJsonProtoKeysetFormat.parseKeyset(inline, InsecureSecretKeyAccess.get()),
                        "FILET_MASTER_KEY");
            }
            if (Files.exists(file)) {
                return new MasterKey(
                        TinkJsonProtoKeysetFormat.parseKeyset(
                                Files.readString(file, StandardCharsets.UTF_8), InsecureSecretKeyAccess.get()),
                        file.toString());
            }
            if (!mayGenerate) {
                throw new MasterKeyUnavailable(
                        "The evidence store holds encrypted evidence but its master key is missing: "
                                + "no FILET_MASTER_KEY and no key file at " + file + ". Restore the key file (or set "
                                + "FILET_MASTER_KEY_FILE / FILET_MASTER_KEY). Filet will not start without it.",
                        null);
            }
            KeysetHandle generated = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
            write(file, generated);
            System.out.println("Generated a new evidence master key at " + file
                    + " — back it up apart from the data: without it no evidence can be read.");
            return new MasterKey(generated, file.toString());
        } catch (GeneralSecurityException | IOException e) {
            throw new MasterKeyUnavailable(
                    "The evidence master key could not be read (" + e.getClass().getSimpleName()
                            + "). Check FILET_MASTER_KEY / FILET_MASTER_KEY_FILE.",
                    e);
        }
    }

    /** Wraps a data keyset; {@code boundTo} (the object's address) must be given again to unwrap it. */
    byte[] wrap(KeysetHandle dataKey, byte[] boundTo) throws GeneralSecurityException {
        return com.google.crypto.tink.TinkProtoKeysetFormat.serializeEncryptedKeyset(dataKey, aead, boundTo);
    }

    KeysetHandle unwrap(byte[] wrapped, byte[] boundTo) throws GeneralSecurityException {
        return com.google.crypto.tink.TinkProtoKeysetFormat.parseEncryptedKeyset(wrapped, aead, boundTo);
    }

    /** A master key with a new primary key added; the old keys stay so that existing wraps still open. */
    public MasterKey rotated() throws GeneralSecurityException {
        KeysetHandle next = KeysetHandle.newBuilder(keyset)
                .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                        .withRandomId()
                        .makePrimary())
                .build();
        return new MasterKey(next, origin);
    }

    /** Writes this master key to a file (atomically, owner-only). */
    public void save(Path file) throws IOException, GeneralSecurityException {
        write(file, keyset);
    }

    public int primaryKeyId() {
        return keyset.getPrimary().getId();
    }

    public int size() {
        return keyset.size();
    }

    public String origin() {
        return origin;
    }

    private static void write(Path file, KeysetHandle keyset) throws IOException, GeneralSecurityException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(
                tmp,
                TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get()),
                StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public String toString() {
        return "MasterKey[" + size() + " keys, from " + origin + "]";
    }
}
