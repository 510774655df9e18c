package org.filet.server.evidence;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Puts and reads back one large generated object through the S3 store, in a JVM whose heap is far smaller than the
 * object (started by {@link S3EvidenceStoreIT}): prints {@code put SHA} and {@code read SHA}, or dies of
 * OutOfMemoryError if any step held the object whole.
 *
 * <p>Arguments: endpoint, identity, credential, bucket, work directory, size in bytes.
 */
public final class S3StoreMemoryProbe {

    public static void main(String[] args) throws Exception {
        S3Settings settings = new S3Settings(args[0], args[3], "us-east-1", args[1], args[2], "");
        Path work = Path.of(args[4]);
        long size = Long.parseLong(args[5]);
        try (S3Client client = settings.client()) {
            MasterKey key = MasterKey.load(null, work.resolve("keys").resolve("master-key.json"), true);
            S3EvidenceStore store = new S3EvidenceStore(
                    client, args[3], "probe", Files.createDirectories(work.resolve("spool")), key, 8L * 1024 * 1024);
            MessageDigest written = MessageDigest.getInstance("SHA-256");
            StoredObject stored;
            try (InputStream in = new DigestInputStream(S3EvidenceStoreIT.generated(size, 99), written)) {
                stored = store.put(in, size);
            }
            System.out.println("put " + stored.sha256() + " " + HexFormat.of().formatHex(written.digest()));
            MessageDigest read = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(store.open(stored.sha256()), read)) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            }
            System.out.println("read " + HexFormat.of().formatHex(read.digest()));
            System.out.println("max heap " + Runtime.getRuntime().maxMemory());
        }
    }
}
