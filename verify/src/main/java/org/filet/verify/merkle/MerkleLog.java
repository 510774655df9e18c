package org.filet.verify.merkle;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * An append-only RFC 9162 Merkle log that stores every complete subtree hash, level by level, so that roots and
 * proofs for any tree size up to {@link #size()} cost O(log² n) reads and no rehashing of old leaves.
 *
 * <p>Guarantees: leaf {@code i} is the {@code i}-th appended entry and never changes; roots and proofs agree with
 * RFC 9162's recursive definitions. With {@link #openFile}, appends are durable once {@link #sync()} returns; a
 * reopened log resumes at the last synced size. Appends take amortised two hash computations.
 *
 * <p>Thread-safe: appends are serialised by a write lock; roots, proofs and subtree reads share a read lock, so
 * HTTP threads can serve proofs while the ledger appends.
 */
public final class MerkleLog implements NodeSource, AutoCloseable {
    private static final String SIZE_FILE = "size";

    private final List<HashArray> levels = new ArrayList<>();
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Path dir;
    private long size;

    private MerkleLog(Path dir) {
        this.dir = dir;
    }

    /** A log held on the heap (about 64 bytes per leaf). */
    public static MerkleLog inMemory() {
        return new MerkleLog(null);
    }

    /**
     * Opens or creates a log in directory {@code dir}: one memory-mapped file per level ({@code level-NN.hashes})
     * and a {@code size} file written by {@link #sync()}.
     */
    public static MerkleLog openFile(Path dir) throws IOException {
        Files.createDirectories(dir);
        MerkleLog log = new MerkleLog(dir);
        Path sizeFile = dir.resolve(SIZE_FILE);
        long size = 0;
        if (Files.exists(sizeFile)) {
            try {
                size = Long.parseLong(
                        Files.readString(sizeFile, StandardCharsets.US_ASCII).trim());
            } catch (NumberFormatException e) {
                throw new IOException("corrupt size file in " + dir);
            }
        }
        for (int level = 0; level < 64 && (level == 0 || (size >>> level) > 0); level++) {
            log.levels.add(new MappedHashArray(levelFile(dir, level), size >>> level, chunkShift(level)));
        }
        log.size = size;
        return log;
    }

    /** 8 MiB mappings for leaves, halving per level down to 32 KiB: small logs stay small, huge ones need few maps. */
    private static int chunkShift(int level) {
        return Math.max(10, 18 - level);
    }

    private static Path levelFile(Path dir, int level) {
        return dir.resolve(String.format("level-%02d.hashes", level));
    }

    /** Number of leaves. */
    public long size() {
        return read(() -> size);
    }

    private <T> T read(Supplier<T> body) {
        lock.readLock().lock();
        try {
            return body.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Appends one encoded entry; returns its leaf index. */
    public long append(byte[] entry) {
        return appendLeafHash(Rfc9162.leafHash(entry));
    }

    /** Appends a leaf by its hash {@code SHA-256(0x00 || entry)}; returns its leaf index. */
    public long appendLeafHash(byte[] leafHash) {
        if (leafHash.length != Rfc9162.HASH_SIZE) {
            throw new IllegalArgumentException("leaf hash must be 32 bytes, got " + leafHash.length);
        }
        lock.writeLock().lock();
        try {
            return appendLocked(leafHash);
        } finally {
            lock.writeLock().unlock();
        }
    }

    private long appendLocked(byte[] leafHash) {
        long index = size;
        byte[] h = leafHash;
        int level = 0;
        long i = index;
        byte[] left = new byte[Rfc9162.HASH_SIZE];
        while (true) {
            level(level).append(h);
            if ((i & 1) == 0) {
                break;
            }
            // this node completes its parent: the parent is (left sibling, this node)
            level(level).get(i - 1, left);
            h = Rfc9162.nodeHash(left, h);
            i >>>= 1;
            level++;
        }
        size = index + 1;
        return index;
    }

    private HashArray level(int level) {
        while (levels.size() <= level) {
            if (dir == null) {
                levels.add(new MemoryHashArray());
            } else {
                try {
                    levels.add(new MappedHashArray(levelFile(dir, levels.size()), 0, chunkShift(levels.size())));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        }
        return levels.get(level);
    }

    @Override
    public byte[] subtreeHash(int level, long index) {
        return read(() -> subtreeHashLocked(level, index));
    }

    private byte[] subtreeHashLocked(int level, long index) {
        if (level < 0
                || level >= levels.size()
                || index < 0
                || index >= levels.get(level).size()) {
            throw new IllegalArgumentException(
                    "no complete subtree at level " + level + " index " + index + " in a log of size " + size);
        }
        byte[] out = new byte[Rfc9162.HASH_SIZE];
        levels.get(level).get(index, out);
        return out;
    }

    /** Root of the current tree. */
    public byte[] root() {
        return read(() -> MerkleProofs.root(this::subtreeHashLocked, size));
    }

    /** Root of the tree formed by the first {@code treeSize} leaves. Requires {@code 0 <= treeSize <= size()}. */
    public byte[] root(long treeSize) {
        return read(() -> {
            checkSize(treeSize);
            return MerkleProofs.root(this::subtreeHashLocked, treeSize);
        });
    }

    /** Inclusion proof of leaf {@code index} in the tree of {@code treeSize} leaves. */
    public InclusionProof inclusionProof(long index, long treeSize) {
        return read(() -> {
            checkSize(treeSize);
            return MerkleProofs.inclusion(this::subtreeHashLocked, index, treeSize);
        });
    }

    /** Consistency proof from {@code size1} to {@code size2}. Requires {@code 0 < size1 <= size2 <= size()}. */
    public ConsistencyProof consistencyProof(long size1, long size2) {
        return read(() -> {
            checkSize(size2);
            return MerkleProofs.consistency(this::subtreeHashLocked, size1, size2);
        });
    }

    private void checkSize(long treeSize) {
        if (treeSize < 0 || treeSize > size) {
            throw new IllegalArgumentException("tree size " + treeSize + " outside 0.." + size);
        }
    }

    /** Makes all appends so far durable (file-backed logs); a no-op in memory. */
    public void sync() throws IOException {
        if (dir == null) {
            return;
        }
        lock.writeLock().lock();
        try {
            syncLocked();
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void syncLocked() throws IOException {
        for (HashArray a : levels) {
            a.sync();
        }
        Path tmp = dir.resolve(SIZE_FILE + ".tmp");
        Files.writeString(tmp, Long.toString(size), StandardCharsets.US_ASCII);
        Files.move(tmp, dir.resolve(SIZE_FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Syncs (file-backed) and releases the storage. */
    @Override
    public void close() throws IOException {
        sync();
        lock.writeLock().lock();
        try {
            for (HashArray a : levels) {
                a.close();
            }
            levels.clear();
        } finally {
            lock.writeLock().unlock();
        }
    }
}
