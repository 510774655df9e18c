package org.filet.pdq.match;

import java.util.Arrays;
import org.filet.pdq.PdqHash;

/**
 * Append-only storage of hashes as four longs each in one {@code long[]} (32 bytes per entry, no objects).
 * One writer at a time (callers synchronise {@link #add}); readers take a {@link View}, which never changes.
 */
final class HashStore {

    /** An immutable prefix of the store: entries {@code 0..size-1} of {@code words}. */
    static final class View {
        private final long[] words;
        private final int size;

        View(long[] words, int size) {
            this.words = words;
            this.size = size;
        }

        long[] words() {
            return words;
        }

        int size() {
            return size;
        }
    }

    private volatile View view;

    HashStore(int initialCapacity) {
        this.view = new View(new long[Math.max(4, initialCapacity) * 4], 0);
    }

    /** Adopts {@code words[0 .. 4*count)} without copying; the caller must not modify it afterwards. */
    static HashStore wrap(long[] words, int count) {
        if (count < 0 || (long) count * 4 > words.length) {
            throw new IllegalArgumentException("count " + count + " does not fit " + words.length + " words");
        }
        HashStore s = new HashStore(1);
        s.view = new View(words, count);
        return s;
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
        return PdqHash.ofWords(v.words, id << 2);
    }

    int add(PdqHash h) {
        View v = view;
        long[] words = v.words;
        int id = v.size;
        if (id == Integer.MAX_VALUE / 4) {
            throw new IllegalStateException("hash store is full");
        }
        if ((id + 1) * 4 > words.length) {
            long grown = Math.min((long) Integer.MAX_VALUE / 4 * 4, Math.max(16L, words.length + (words.length >> 1)));
            words = Arrays.copyOf(words, (int) (grown & ~3L));
        }
        // slots at or beyond v.size are invisible to existing views, so writing them in place is safe
        h.copyTo(words, id << 2);
        view = new View(words, id + 1);
        return id;
    }
}
