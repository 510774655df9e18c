package org.filet.verify.merkle;

import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link HashArray} in a memory-mapped file, mapped in chunks of {@code 2^chunkShift} hashes. The file is grown a
 * chunk at a time, so its length is not the element count: the count comes from the owning {@link MerkleLog}'s size
 * file.
 */
final class MappedHashArray implements HashArray {
    private final int chunkShift;
    private final int chunkMask;
    private final long chunkBytes;

    private final FileChannel channel;
    private final List<MappedByteBuffer> maps = new ArrayList<>();
    private long size;

    MappedHashArray(Path file, long size, int chunkShift) throws IOException {
        this.chunkShift = chunkShift;
        this.chunkMask = (1 << chunkShift) - 1;
        this.chunkBytes = (long) Rfc9162.HASH_SIZE << chunkShift;
        this.channel =
                FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        long needed = (size + chunkMask) >>> chunkShift;
        if (channel.size() < size * Rfc9162.HASH_SIZE) {
            throw new IOException(file.getFileName() + " holds fewer than " + size + " hashes");
        }
        for (long c = 0; c < needed; c++) {
            map(c);
        }
        this.size = size;
    }

    private void map(long chunk) throws IOException {
        maps.add(channel.map(FileChannel.MapMode.READ_WRITE, chunk * chunkBytes, chunkBytes));
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public void append(byte[] hash) {
        int c = (int) (size >>> chunkShift);
        if (c >= maps.size()) {
            try {
                map(c);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        maps.get(c).put((int) (size & chunkMask) * Rfc9162.HASH_SIZE, hash, 0, Rfc9162.HASH_SIZE);
        size++;
    }

    @Override
    public void get(long i, byte[] dst) {
        maps.get((int) (i >>> chunkShift)).get((int) (i & chunkMask) * Rfc9162.HASH_SIZE, dst, 0, Rfc9162.HASH_SIZE);
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
