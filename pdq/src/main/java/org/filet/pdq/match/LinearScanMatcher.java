package org.filet.pdq.match;

import org.filet.pdq.PdqHash;

/**
 * The reference matcher: compares the query with every entry. O(n) per search (about 60 searches/s at 10 million
 * entries on one core), exact by construction; the index is tested against it.
 */
public final class LinearScanMatcher implements PdqMatcher {

    private final HashStore store;

    public LinearScanMatcher() {
        this.store = new HashStore(1024);
    }

    private LinearScanMatcher(HashStore store) {
        this.store = store;
    }

    /**
     * A scan over {@code count} hashes given as {@code words[4*i .. 4*i+3]}, adopting the array without copying
     * (it may be shared with a {@link MihIndex#build} over the same array, which never modifies it).
     */
    public static LinearScanMatcher over(long[] words, int count) {
        return new LinearScanMatcher(HashStore.wrap(words, count));
    }

    @Override
    public synchronized int add(PdqHash hash) {
        return store.add(hash);
    }

    @Override
    public int size() {
        return store.size();
    }

    @Override
    public PdqHash get(int id) {
        return store.get(id);
    }

    @Override
    public void search(PdqHash query, int maxDistance, MatchBuffer out) {
        HashStore.View v = store.view();
        scan(v.words(), 0, v.size(), query, maxDistance, out);
    }

    /** Appends entries {@code from..to} of {@code words} within {@code maxDistance}, in id order. */
    static void scan(long[] words, int from, int to, PdqHash query, int maxDistance, MatchBuffer out) {
        long q0 = query.word(0);
        long q1 = query.word(1);
        long q2 = query.word(2);
        long q3 = query.word(3);
        for (int id = from; id < to; id++) {
            int p = id << 2;
            int d = Long.bitCount(words[p] ^ q0) + Long.bitCount(words[p + 1] ^ q1)
                    + Long.bitCount(words[p + 2] ^ q2) + Long.bitCount(words[p + 3] ^ q3);
            if (d <= maxDistance) {
                out.add(id, d, 0);
            }
        }
    }
}
