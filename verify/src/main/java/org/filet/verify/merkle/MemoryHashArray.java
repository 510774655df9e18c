package org.filet.verify.merkle;

import java.util.Arrays;

/** {@link HashArray} on the heap, in 1 MiB chunks so that growth never copies. */
final class MemoryHashArray implements HashArray {
    private static final int CHUNK_SHIFT = 15; // 32768 hashes = 1 MiB per chunk
    private static final int CHUNK_HASHES = 1 << CHUNK_SHIFT;
    private byte[][] chunks = new byte[4][];
    private long size;

    @Override
    public long size() {
        return size;
    }

    @Override
    public void append(byte[] hash) {
        int c = (int) (size >>> CHUNK_SHIFT);
        if (c >= chunks.length) {
            chunks = Arrays.copyOf(chunks, chunks.length * 2);
        }
        if (chunks[c] == null) {
            chunks[c] = new byte[CHUNK_HASHES * Rfc9162.HASH_SIZE];
        }
        System.arraycopy(hash, 0, chunks[c], (int) (size & (CHUNK_HASHES - 1)) * Rfc9162.HASH_SIZE, Rfc9162.HASH_SIZE);
        size++;
    }

    @Override
    public void get(long i, byte[] dst) {
        System.arraycopy(
                chunks[(int) (i >>> CHUNK_SHIFT)],
                (int) (i & (CHUNK_HASHES - 1)) * Rfc9162.HASH_SIZE,
                dst,
                0,
                Rfc9162.HASH_SIZE);
    }

    @Override
    public void sync() {}

    @Override
    public void close() {
        chunks = new byte[1][];
        size = 0;
    }
}
