package org.filet.verify.merkle;

import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link HashArray} in a memory-mapped file, mapped in 64 MiB chunks. The file is grown a chunk at a time, so its
 * length is not the element count: the count comes from the owning {@link MerkleLog}'s size file.
 */
final class MappedHashArray implements HashArray {
    private static final int CHUNK_SHIFT = 21; // 2^21 hashes = 64 MiB per mapping
    private static final int CHUNK_HASHES = 1 << CHUNK_SHIFT;
    private static final long CHUNK_BYTES = (long) CHUNK_HASHES * Rfc9162.HASH_SIZE;

    private final FileChannel channel;
    private final List<MappedByteBuffer> maps = new ArrayList<>();
    private long size;

    MappedHashArray(Path file, long size) throws IOException {
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        long needed = (size + CHUNK_HASHES - 1) >>> CHUNK_SHIFT;
        if (channel.size() < size * Rfc9162.HASH_SIZE) {
            throw new IOException(file.getFileName() + " holds fewer than " + size + " hashes");
        }
        for (long c = 0; c < needed; c++) {
            map(c);
        }
        this.size = size;
    }

    private void map(long chunk) throws IOException {
        maps.add(channel.map(FileChannel.MapMode.READ_WRITE, chunk * CHUNK_BYTES, CHUNK_BYTES));
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public void append(byte[] hash) {
        int c = (int) (size >>> CHUNK_SHIFT);
        if (c >= maps.size()) {
            try {
                map(c);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        maps.get(c).put((int) (size & (CHUNK_HASHES - 1)) * Rfc9162.HASH_SIZE, hash, 0, Rfc9162.HASH_SIZE);
        size++;
    }

    @Override
    public void get(long i, byte[] dst) {
        maps.get((int) (i >>> CHUNK_SHIFT)).get((int) (i & (CHUNK_HASHES - 1)) * Rfc9162.HASH_SIZE, dst, 0,
                Rfc9162.HASH_SIZE);
    }

    @Override
    public void sync() {
        for (MappedByteBuffer m : maps) {
            m.force();
        }
    }


    @Override
    public void close() throws IOException {
        maps.clear();
        channel.close();
    }
}
