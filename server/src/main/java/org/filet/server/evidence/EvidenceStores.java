package org.filet.server.evidence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import software.amazon.awssdk.services.s3.S3Client;

/** Opens an existing evidence store outside the running server (command-line checks, tests). */
public final class EvidenceStores {

    private EvidenceStores() {}

    /**
     * Rotates the master key in {@code <data>/keys/master-key.json}: a new primary key is added (the old ones stay, so
     * every wrap still opens at every moment), the file is replaced atomically, then every object's data key is
     * re-wrapped under the new primary key (in the S3 bucket when {@code FILET_EVIDENCE_S3_BUCKET} is set). Content
     * objects are not touched. Returns the number of keys re-wrapped. Requires the server to be stopped.
     */
    public static int rotateMasterKey(Path data) {
        Path file = data.resolve("keys").resolve("master-key.json");
        try {
            MasterKey current = MasterKey.load(null, file, false);
            MasterKey next = current.rotated();
            S3Settings s3 = S3Settings.fromProcess();
            if (s3.evidenceInS3()) {
                try (S3Client client = s3.client()) {
                    next.save(file);
                    return s3(data, s3, client, current).rewrap(next);
                }
            }
            next.save(file);
            return new LocalEvidenceStore(data.resolve("evidence"), next).rewrap(next);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("the master key could not be rotated", e);
        }
    }

    /** The store under {@code <data>/evidence} with the key in {@code <data>/keys/master-key.json} (never generated). */
    public static EvidenceStore local(Path data) {
        try {
            return new LocalEvidenceStore(data.resolve("evidence"), masterKey(data));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The store of {@code data} as the server would open it with {@code s3} (the S3 bucket when one is set, else the
     * local directory), with the key in {@code <data>/keys/master-key.json} or {@code FILET_MASTER_KEY} (never
     * generated). Close the returned handle to close its S3 client.
     */
    public static Opened open(Path data, S3Settings s3) {
        if (!s3.evidenceInS3()) {
            return new Opened(local(data), null);
        }
        S3Client client = s3.client();
        try {
            return new Opened(s3(data, s3, client, masterKey(data)), client);
        } catch (IOException | RuntimeException e) {
            client.close();
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    /** An evidence store opened outside the server, with the client to close. */
    public record Opened(EvidenceStore store, S3Client client) implements AutoCloseable {
        @Override
        public void close() {
            if (client != null) {
                client.close();
            }
        }
    }

    static S3EvidenceStore s3(Path data, S3Settings s3, S3Client client, MasterKey key) throws IOException {
        return new S3EvidenceStore(
                client,
                s3.bucket(),
                s3.describe(s3.bucket()),
                data.resolve("s3-spool"),
                key,
                S3EvidenceStore.DEFAULT_PART_SIZE);
    }

    private static MasterKey masterKey(Path data) {
        return MasterKey.load(
                System.getenv("FILET_MASTER_KEY"), data.resolve("keys").resolve("master-key.json"), false);
    }
}
