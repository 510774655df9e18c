package org.filet.pdq.match;

import java.util.Arrays;
import org.filet.pdq.PdqHash;

/**
 * Append-only storage of hashes as four longs each, in chunks of 2^{@value #DEFAULT_CHUNK_BITS} entries (64 MB:
 * large, so the allocator's rounding to whole heap regions wastes little). Only the first chunk starts small and
 * doubles; after that, growing never copies the stored hashes, so adding to a 10-million-entry store needs one
 * more chunk, not a second copy. One writer at a time (callers synchronise {@link #add}); readers take a
 * {@link View}, which never changes.
 */
final class HashStore {

    static final int DEFAULT_CHUNK_BITS = 21;
    static final int FIRST_CHUNK = 1024;

    /** An immutable prefix of the store: entries {@code 0..size-1}. */
    static final class View {
        private final long[][] chunks;
        private final int size;
        private final int chunkBits;

        View(long[][] chunks, int size, int chunkBits) {
            this.chunks = chunks;
            this.size = size;
            this.chunkBits = chunkBits;
        }

        /** Entry {@code id} is in {@code chunks()[id >>> chunkBits()]} at {@link #offset(int)}. */
        long[][] chunks() {
            return chunks;
        }

        int chunkBits() {
            return chunkBits;
        }

        /** Index of entry {@code id}'s first word within its chunk. */
        int offset(int id) {
            return (id & ((1 << chunkBits) - 1)) << 2;
        }

        int size() {
            return size;
        }
    }

    private final int chunkBits;
    private volatile View view;

    HashStore() {
        this(DEFAULT_CHUNK_BITS);
    }

    /** A store with chunks of 2^chunkBits entries (tests use small chunks). */
    HashStore(int chunkBits) {
        if (chunkBits < 10 || chunkBits > 24) {
            throw new IllegalArgumentException("chunkBits must be 10..24, got " + chunkBits);
        }
        this.chunkBits = chunkBits;
        this.view = new View(new long[0][], 0, chunkBits);
    }

    View view() {
        return view;
    }

    int size() {
        return view.size;
    }

    PdqHash get(int id) {
        View v = view;
        if (id < 0 || id >= v.size) {
            throw new IndexOutOfBoundsException("entry " + id + " of " + v.size);
        }
        return PdqHash.ofWords(v.chunks[id >>> chunkBits], v.offset(id));
    }

    int add(PdqHash h) {
        return add(h.word(0), h.word(1), h.word(2), h.word(3));
    }

    int add(long w0, long w1, long w2, long w3) {
        View v = view;
        int id = v.size;
        if (id == Integer.MAX_VALUE) {
            throw new IllegalStateException("hash store is full");
        }
        long[][] chunks = v.chunks;
        int chunk = 1 << chunkBits;
        int c = id >>> chunkBits;
        if (c == chunks.length) {
            chunks = Arrays.copyOf(chunks, c + 1);
            chunks[c] = new long[(c == 0 ? Math.min(FIRST_CHUNK, chunk) : chunk) * 4];
        } else if (c == 0 && chunks[0].length == id * 4) {
            // the first chunk doubles up to full size; earlier views keep the old array, which holds their entries
            chunks = chunks.clone();
            chunks[0] = Arrays.copyOf(chunks[0], Math.min(chunk, id * 2) * 4);
        }
        // entries at or beyond v.size are invisible to existing views, so writing them in place is safe
        long[] words = chunks[c];
        int p = v.offset(id);
        words[p] = w0;
        words[p + 1] = w1;
        words[p + 2] = w2;
        words[p + 3] = w3;
        view = new View(chunks, id + 1, chunkBits);
        return id;
    }
}
