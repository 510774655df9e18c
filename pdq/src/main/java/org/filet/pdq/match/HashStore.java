package org.filet.pdq.match;

import java.util.Arrays;
import org.filet.pdq.PdqHash;

/**
 * Append-only storage of hashes as four longs each, in fixed chunks of {@value #CHUNK} entries (8 MB): growing never
 * copies the stored hashes, so adding to a 10-million-entry store needs one more chunk, not a second copy.
 * One writer at a time (callers synchronise {@link #add}); readers take a {@link View}, which never changes.
 */
final class HashStore {

    static final int CHUNK_BITS = 18;
    static final int CHUNK = 1 << CHUNK_BITS;
    static final int CHUNK_MASK = CHUNK - 1;

    /** An immutable prefix of the store: entries {@code 0..size-1}. */
    static final class View {
        private final long[][] chunks;
        private final int size;

        View(long[][] chunks, int size) {
            this.chunks = chunks;
            this.size = size;
        }

        /** The chunks; entry {@code id} is at {@code chunks[id >>> CHUNK_BITS]}, offset {@link #offset(int)}. */
        long[][] chunks() {
            return chunks;
        }

        static int offset(int id) {
            return (id & CHUNK_MASK) << 2;
        }

        int size() {
            return size;
        }
    }

    private volatile View view = new View(new long[0][], 0);

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
        return PdqHash.ofWords(v.chunks[id >>> CHUNK_BITS], View.offset(id));
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
        int c = id >>> CHUNK_BITS;
        if (c == chunks.length) {
            chunks = Arrays.copyOf(chunks, c + 1);
            chunks[c] = new long[CHUNK * 4];
        }
        // entries at or beyond v.size are invisible to existing views, so writing them in place is safe
        long[] chunk = chunks[c];
        int p = View.offset(id);
        chunk[p] = w0;
        chunk[p + 1] = w1;
        chunk[p + 2] = w2;
        chunk[p + 3] = w3;
        view = new View(chunks, id + 1);
        return id;
    }
}
