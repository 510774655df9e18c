package org.filet.server.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * The evidence store on the local file system: {@code <root>/ab/cd/<sha256>}, written to a temporary file, fsynced,
 * then moved into place atomically (and the directory fsynced), so a crash leaves either nothing or a whole object.
 * Stored files are made read-only.
 */
final class LocalEvidenceStore implements EvidenceStore {

    private final Path root;
    private final Path incoming;

    LocalEvidenceStore(Path root) throws IOException {
        this.root = root;
        this.incoming = root.resolve("incoming");
        Files.createDirectories(incoming);
    }

    @Override
    public StoredObject put(InputStream content, long maxBytes) throws IOException {
        Path tmp = Files.createTempFile(incoming, "put-", ".part");
        try {
            MessageDigest digest = Sha256.digest();
            long size;
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE);
                 OutputStream out = new DigestOutputStream(java.nio.channels.Channels.newOutputStream(channel), digest)) {
                size = copyLimited(content, out, maxBytes);
                out.flush();
                channel.force(true);
            }
            String sha = HexFormat.of().formatHex(digest.digest());
            Path target = pathOf(sha);
            if (Files.exists(target)) {
                return new StoredObject(sha, size); // same bytes already kept: never rewrite
            }
            Files.createDirectories(target.getParent());
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
                if (!Files.exists(target)) {
                    throw e;
                }
            }
            target.toFile().setReadOnly();
            fsyncDirectory(target.getParent());
            return new StoredObject(sha, size);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    @Override
    public InputStream open(String sha256) throws IOException {
        Sha256.requireAddress(sha256);
        Path path = pathOf(sha256);
        if (!Files.isRegularFile(path)) {
            throw new EvidenceNotFound(sha256);
        }
        return new VerifyingInputStream(Files.newInputStream(path), sha256);
    }

    @Override
    public boolean contains(String sha256) {
        return Sha256.isAddress(sha256) && Files.isRegularFile(pathOf(sha256));
    }

    Path pathOf(String sha256) {
        return root.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
    }

    private static long copyLimited(InputStream in, OutputStream out, long maxBytes) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) >= 0) {
            total += n;
            if (total > maxBytes) {
                throw new EvidenceTooLarge(maxBytes);
            }
            out.write(buffer, 0, n);
        }
        return total;
    }

    private static void fsyncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // some file systems refuse to open directories; the file itself was already forced
        }
    }
}
