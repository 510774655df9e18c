package org.filet.pdq.match;

import org.filet.pdq.PdqHash;

/**
 * The reference matcher: compares the query with every entry. O(n) per search (about 60 searches/s at 10 million
 * entries on one core), exact by construction; the index is tested against it.
 */
public final class LinearScanMatcher implements PdqMatcher {

    private final HashStore store;
    private final boolean readOnly;

    public LinearScanMatcher() {
        this.store = new HashStore();
        this.readOnly = false;
    }

    /** A read-only scan over an index's storage: it sees the index's adds, and cannot add itself. */
    LinearScanMatcher(HashStore store) {
        this.store = store;
        this.readOnly = true;
    }

    /**
     * @throws IllegalStateException on a view from {@link MihIndex#linearScan()} (add to the index instead)
     */
    @Override
    public synchronized int add(PdqHash hash) {
        if (readOnly) {
            throw new IllegalStateException("read-only scan over an index: add to the index instead");
        }
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
        scan(v, 0, v.size(), query, maxDistance, out);
    }

    /** Appends entries {@code from..to-1} of {@code v} within {@code maxDistance}, in id order. */
    static void scan(HashStore.View v, int from, int to, PdqHash query, int maxDistance, MatchBuffer out) {
        long q0 = query.word(0);
        long q1 = query.word(1);
        long q2 = query.word(2);
        long q3 = query.word(3);
        long[][] chunks = v.chunks();
        int bits = v.chunkBits();
        int id = from;
        while (id < to) {
            long[] words = chunks[id >>> bits];
            int base = (id >>> bits) << bits;
            int end = (int) Math.min(to, (long) base + (1 << bits));
            for (; id < end; id++) {
                int p = (id - base) << 2;
                int d = Long.bitCount(words[p] ^ q0)
                        + Long.bitCount(words[p + 1] ^ q1)
                        + Long.bitCount(words[p + 2] ^ q2)
                        + Long.bitCount(words[p + 3] ^ q3);
                if (d <= maxDistance) {
                    out.add(id, d, 0);
                }
            }
        }
    }
}
