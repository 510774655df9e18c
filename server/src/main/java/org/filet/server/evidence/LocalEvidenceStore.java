package org.filet.server.evidence;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.StreamingAead;
import com.google.crypto.tink.streamingaead.PredefinedStreamingAeadParameters;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.filet.verify.Sha256;

/**
 * The evidence store on the local file system, encrypted at rest.
 *
 * <p>Each object gets its own data key (AES-256-GCM in 1 MiB segments, Tink's streaming AEAD), wrapped by the
 * {@link MasterKey} and bound to the object's address. Layout: {@code <root>/ab/cd/<sha256>} (ciphertext) and
 * {@code <sha256>.key} (the wrapped data key). The address stays the SHA-256 of the plaintext. Files are written to a
 * temporary name, fsynced, then moved into place atomically (key first, then content), so a crash leaves either
 * nothing or a whole object. Content files are never rewritten; rotating the master key rewrites only the key files.
 */
final class LocalEvidenceStore implements EvidenceStore {

    static final byte[] STREAM_AD = "filet-evidence/1".getBytes(StandardCharsets.US_ASCII);

    private final Path root;
    private final Path incoming;
    private volatile MasterKey master;

    LocalEvidenceStore(Path root, MasterKey master) throws IOException {
        this.root = root;
        this.incoming = root.resolve("incoming");
        this.master = master;
        Files.createDirectories(incoming);
    }

    /** Whether a store under {@code root} already holds objects (and so needs its existing master key). */
    static boolean holdsObjects(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return false;
        }
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.anyMatch(p -> p.getFileName().toString().matches("[0-9a-f]{2}"));
        }
    }

    /** Objects held by writes not yet committed, with how many writes hold each (guarded by itself). */
    private final java.util.Map<String, Integer> held = new java.util.HashMap<>();

    @Override
    public Pending putPending(InputStream content, long maxBytes) throws IOException {
        StoredObject stored = store(content, maxBytes, true);
        return new Pending() {
            private boolean settled;

            public StoredObject object() {
                return stored;
            }

            public void keep() {
                release(false, s -> true);
            }

            public void discard(java.util.function.Predicate<String> recorded) {
                release(true, recorded);
            }

            private void release(boolean discard, java.util.function.Predicate<String> recorded) {
                synchronized (held) {
                    if (settled) {
                        return;
                    }
                    settled = true;
                    int left = held.merge(stored.sha256(), -1, Integer::sum);
                    if (left > 0) {
                        return;
                    }
                    held.remove(stored.sha256());
                    if (discard && !recorded.test(stored.sha256())) {
                        remove(stored.sha256());
                    }
                }
            }
        };
    }

    private void remove(String sha256) {
        try {
            Path target = pathOf(sha256);
            if (Files.exists(target)) {
                target.toFile().setWritable(true);
                Files.deleteIfExists(target);
            }
            Files.deleteIfExists(keyPathOf(sha256));
        } catch (IOException e) {
            org.slf4j.LoggerFactory.getLogger(LocalEvidenceStore.class)
                    .warn("an object of a failed intake could not be removed ({}): ledger check will name it", sha256);
        }
    }

    @Override
    public StoredObject put(InputStream content, long maxBytes) throws IOException {
        return store(content, maxBytes, false);
    }

    private StoredObject store(InputStream content, long maxBytes, boolean hold) throws IOException {
        Path tmp = Files.createTempFile(incoming, "put-", ".part");
        Path tmpKey = null;
        try {
            KeysetHandle dataKey = KeysetHandle.generateNew(PredefinedStreamingAeadParameters.AES256_GCM_HKDF_1MB);
            StreamingAead aead = dataKey.getPrimitive(RegistryConfiguration.get(), StreamingAead.class);
            MessageDigest digest = Sha256.newDigest();
            long size;
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                OutputStream shielded = new java.io.FilterOutputStream(Channels.newOutputStream(channel)) {
                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        out.write(b, off, len);
                    }

                    @Override
                    public void close() throws IOException {
                        flush(); // the channel stays open to be forced below
                    }
                };
                OutputStream encrypted = aead.newEncryptingStream(shielded, STREAM_AD);
                try (OutputStream out = new DigestOutputStream(encrypted, digest)) {
                    size = copyLimited(content, out, maxBytes);
                }
                channel.force(true);
            }
            String sha = HexFormat.of().formatHex(digest.digest());
            Path target = pathOf(sha);
            synchronized (held) { // a pending discard of the same bytes cannot run between the check and the hold
                if (hold) {
                    held.merge(sha, 1, Integer::sum);
                }
                if (Files.exists(target)) {
                    return new StoredObject(sha, size); // same bytes already kept: never rewrite
                }
                Files.createDirectories(target.getParent());
                tmpKey = Files.createTempFile(incoming, "key-", ".part");
                writeDurably(tmpKey, master.wrap(dataKey, addressBytes(sha)));
                moveIntoPlace(tmpKey, keyPathOf(sha));
                moveIntoPlace(tmp, target);
                target.toFile().setReadOnly();
                fsyncDirectory(target.getParent());
                return new StoredObject(sha, size);
            }
        } catch (GeneralSecurityException e) {
            throw new IOException("evidence could not be encrypted", e);
        } finally {
            Files.deleteIfExists(tmp);
            if (tmpKey != null) {
                Files.deleteIfExists(tmpKey);
            }
        }
    }

    @Override
    public InputStream open(String sha256) throws IOException {
        Sha256.requireAddress(sha256);
        Path path = pathOf(sha256);
        Path keyPath = keyPathOf(sha256);
        if (!Files.isRegularFile(path)) {
            throw new EvidenceNotFound(sha256);
        }
        InputStream plaintext;
        try {
            KeysetHandle dataKey = master.unwrap(Files.readAllBytes(keyPath), addressBytes(sha256));
            StreamingAead aead = dataKey.getPrimitive(RegistryConfiguration.get(), StreamingAead.class);
            plaintext = aead.newDecryptingStream(Files.newInputStream(path), STREAM_AD);
        } catch (GeneralSecurityException | java.nio.file.NoSuchFileException e) {
            throw new EvidenceCorrupted(sha256, "its data key cannot be opened");
        }
        return new VerifyingInputStream(new DecryptionFailuresAreCorruption(plaintext, sha256), sha256);
    }

    @Override
    public void shred(String sha256) throws IOException {
        Sha256.requireAddress(sha256);
        Path key = keyPathOf(sha256);
        Path content = pathOf(sha256);
        synchronized (held) { // not while a write of the same bytes is being decided
            if (Files.exists(key)) {
                // overwrite the wrapped key before unlinking it, so the bytes do not linger in a freed block of a
                // simple
                // file system (copy-on-write and flash storage may keep them anyway: the master key still guards them)
                try (FileChannel channel = FileChannel.open(key, StandardOpenOption.WRITE)) {
                    channel.write(java.nio.ByteBuffer.wrap(new byte[(int) Math.min(channel.size(), 1 << 20)]), 0);
                    channel.force(true);
                }
                Files.delete(key);
            }
            if (Files.exists(content)) {
                content.toFile().setWritable(true);
                Files.delete(content);
            }
            fsyncDirectory(content.getParent());
        }
    }

    @Override
    public boolean contains(String sha256) {
        return Sha256.isAddress(sha256) && Files.isRegularFile(pathOf(sha256));
    }

    @Override
    public void list(java.util.function.Consumer<Listed> each) throws IOException {
        try (Stream<Path> files = Files.walk(root, 3)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                String name = p.getFileName().toString();
                if (name.length() == 64 && Sha256.isAddress(name) && Files.isRegularFile(p)) {
                    each.accept(new Listed(name, Files.getLastModifiedTime(p).toInstant()));
                }
            }
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
    }

    @Override
    public void probe() throws IOException {
        if (!Files.isDirectory(incoming) || !Files.isWritable(incoming)) {
            throw new IOException("the evidence directory " + root + " is not a writable directory");
        }
        Path probe = Files.createTempFile(incoming, "probe-", ".part");
        Files.delete(probe);
    }

    @Override
    public String describe() {
        return "the directory " + root;
    }

    @Override
    public void copyOut(String sha256, Path content, Path key) throws IOException {
        Sha256.requireAddress(sha256);
        if (!Files.isRegularFile(pathOf(sha256))) {
            throw new EvidenceNotFound(sha256);
        }
        Files.copy(keyPathOf(sha256), key, StandardCopyOption.REPLACE_EXISTING);
        Files.copy(pathOf(sha256), content, StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void copyIn(String sha256, Path content, Path key) throws IOException {
        Sha256.requireAddress(sha256);
        Path target = pathOf(sha256);
        synchronized (held) {
            if (Files.exists(target)) {
                return;
            }
            Files.createDirectories(target.getParent());
            Path tmpKey = Files.createTempFile(incoming, "key-", ".part");
            Path tmp = Files.createTempFile(incoming, "put-", ".part");
            try {
                writeDurably(tmpKey, Files.readAllBytes(key));
                Files.copy(content, tmp, StandardCopyOption.REPLACE_EXISTING);
                try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                    channel.force(true);
                }
                moveIntoPlace(tmpKey, keyPathOf(sha256));
                moveIntoPlace(tmp, target);
                target.toFile().setReadOnly();
                fsyncDirectory(target.getParent());
            } finally {
                Files.deleteIfExists(tmp);
                Files.deleteIfExists(tmpKey);
            }
        }
    }

    /**
     * Re-wraps every object's data key under the new master key's primary key. Content files are not touched. Each key
     * file is replaced atomically, so an interrupted rotation leaves every object readable with the new master key
     * (which still holds the old keys).
     */
    int rewrap(MasterKey next) throws IOException {
        int count = 0;
        try (Stream<Path> files = Files.walk(root)) {
            for (Path key : files.filter(p -> p.getFileName().toString().matches("[0-9a-f]{64}\\.key"))
                    .toList()) {
                String sha = key.getFileName().toString().substring(0, 64);
                try {
                    KeysetHandle dataKey = master.unwrap(Files.readAllBytes(key), addressBytes(sha));
                    Path tmp = Files.createTempFile(incoming, "rewrap-", ".part");
                    writeDurably(tmp, next.wrap(dataKey, addressBytes(sha)));
                    Files.move(tmp, key, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                    count++;
                } catch (GeneralSecurityException e) {
                    throw new EvidenceCorrupted(sha, "its data key cannot be opened for rotation");
                }
            }
        }
        master = next;
        return count;
    }

    Path pathOf(String sha256) {
        return root.resolve(sha256.substring(0, 2))
                .resolve(sha256.substring(2, 4))
                .resolve(sha256);
    }

    Path keyPathOf(String sha256) {
        return pathOf(sha256).resolveSibling(sha256 + ".key");
    }

    static byte[] addressBytes(String sha256) {
        return HexFormat.of().parseHex(sha256);
    }

    static long copyLimited(InputStream in, OutputStream out, long maxBytes) throws IOException {
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

    private static void writeDurably(Path file, byte[] bytes) throws IOException {
        try (FileChannel channel =
                FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            channel.write(java.nio.ByteBuffer.wrap(bytes));
            channel.force(true);
        }
    }

    private static void moveIntoPlace(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
            if (!Files.exists(target)) {
                throw e;
            }
        }
    }

    private static void fsyncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // some file systems refuse to open directories; the files themselves were already forced
        }
    }

    /** A ciphertext that fails authentication is altered evidence, reported like any other corruption. */
    static final class DecryptionFailuresAreCorruption extends FilterInputStream {
        private final String sha256;

        DecryptionFailuresAreCorruption(InputStream in, String sha256) {
            super(in);
            this.sha256 = sha256;
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (IOException e) {
                throw new EvidenceCorrupted(sha256, "its ciphertext fails authentication");
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return super.read(b, off, len);
            } catch (IOException e) {
                throw new EvidenceCorrupted(sha256, "its ciphertext fails authentication");
            }
        }
    }
}
