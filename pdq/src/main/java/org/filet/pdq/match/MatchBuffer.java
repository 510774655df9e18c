package org.filet.pdq.match;

import java.util.Arrays;

/**
 * Caller-owned, reusable result buffer: parallel primitive arrays of (entry id, distance, query variant), grown as
 * needed, never allocated per match. Not thread-safe; use one per thread.
 */
public final class MatchBuffer {

    private int[] ids;
    private int[] distances;
    private byte[] variants;
    private int size;

    public MatchBuffer() {
        this(64);
    }

    public MatchBuffer(int initialCapacity) {
        int c = Math.max(4, initialCapacity);
        ids = new int[c];
        distances = new int[c];
        variants = new byte[c];
    }

    public void clear() {
        size = 0;
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** Entry id of match {@code i} (0 ≤ i < size). */
    public int id(int i) {
        checkIndex(i);
        return ids[i];
    }

    /** Hamming distance of match {@code i}. */
    public int distance(int i) {
        checkIndex(i);
        return distances[i];
    }

    /** Index (0..7, {@link org.filet.pdq.Dihedral} order) of the query variant that matched; 0 for single queries. */
    public int variant(int i) {
        checkIndex(i);
        return variants[i];
    }

    void add(int id, int distance, int variant) {
        if (size == ids.length) {
            int c = ids.length * 2;
            ids = Arrays.copyOf(ids, c);
            distances = Arrays.copyOf(distances, c);
            variants = Arrays.copyOf(variants, c);
        }
        ids[size] = id;
        distances[size] = distance;
        variants[size] = (byte) variant;
        size++;
    }

    void setVariant(int i, int variant) {
        variants[i] = (byte) variant;
    }

    /** Keeps one match per entry id (the smallest distance, then the lowest variant) and orders by id. */
    void dedupeById(int from) {
        int n = size - from;
        if (n <= 1) {
            return;
        }
        long[] packed = new long[n];
        for (int i = 0; i < n; i++) {
            packed[i] = ((long) ids[from + i] << 32) | ((long) distances[from + i] << 8) | variants[from + i];
        }
        Arrays.sort(packed);
        int out = from;
        int lastId = -1;
        for (long p : packed) {
            int id = (int) (p >>> 32);
            if (out > from && id == lastId) {
                continue;
            }
            ids[out] = id;
            distances[out] = (int) ((p >>> 8) & 0xffffff);
            variants[out] = (byte) (p & 0xff);
            lastId = id;
            out++;
        }
        size = out;
    }

    private void checkIndex(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("match " + i + " of " + size);
        }
    }
}
