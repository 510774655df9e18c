package org.filet.pdq.match;

import org.filet.pdq.PdqHash;

/**
 * Multi-index hashing over {@link Slots} (8 slots of 22 bits and 4 of 20), in compact primitive arrays: per slot a
 * CSR table (an {@code int[2^width + 1]} of bucket offsets and the entry ids of each bucket, packed in 3 bytes while
 * there are fewer than 2^24 entries), and the hashes themselves as four longs per entry, in 64 MB chunks. About 68 bytes per entry
 * plus 144 MB of offsets: roughly 830 MB at 10 million entries.
 *
 * <p>Exact: returns the same entries as {@link LinearScanMatcher} (tested against it), for any distance; radii
 * over 3 bits per slot (distance ≥ 48) fall back to a scan.
 *
 * <p>Growth: {@link #add} appends to an unindexed tail that every search scans linearly; once the tail exceeds
 * {@link #tailLimit()} the tables are rebuilt over all entries, one slot at a time (so the extra memory is one
 * slot's table, about 50 MB at 10 million entries). Bulk loads should use {@link #builder()}. Searches never block.
 */
public final class MihIndex implements PdqMatcher {

    /** Below this many entries a scan is as fast as the tables (about 0.1 ms), so none are built. */
    static final int DEFAULT_MIN_INDEXED = 32_768;

    static final int DEFAULT_MIN_TAIL = 4096;

    private final HashStore store;
    private volatile SlotTables tables;
    private final int minIndexed;
    private final int minTail;

    private MihIndex(HashStore store, int minIndexed, int minTail) {
        this.store = store;
        this.minIndexed = minIndexed;
        this.minTail = minTail;
        this.tables = store.size() >= minIndexed ? SlotTables.build(store.view()) : SlotTables.EMPTY;
    }

    /** An empty index. */
    public static MihIndex create() {
        return new MihIndex(new HashStore(), DEFAULT_MIN_INDEXED, DEFAULT_MIN_TAIL);
    }

    static MihIndex create(int minIndexed, int minTail) {
        return new MihIndex(new HashStore(), minIndexed, minTail);
    }

    /** Collects hashes for a bulk load, then builds the tables once ({@link #build()}); ids are 0, 1, 2, … */
    public static final class Builder {
        private final HashStore store;
        private final int minIndexed;
        private boolean built;

        Builder(int minIndexed, HashStore store) {
            this.minIndexed = minIndexed;
            this.store = store;
        }

        public int add(PdqHash hash) {
            return add(hash.word(0), hash.word(1), hash.word(2), hash.word(3));
        }

        /** Adds the hash whose bits 0..63 are {@code w0}, 64..127 {@code w1}, and so on; returns its id. */
        public int add(long w0, long w1, long w2, long w3) {
            if (built) {
                throw new IllegalStateException("index already built; add to the index instead");
            }
            return store.add(w0, w1, w2, w3);
        }

        public MihIndex build() {
            built = true;
            return new MihIndex(store, minIndexed, DEFAULT_MIN_TAIL);
        }
    }

    /** A builder for bulk loads (much faster than calling {@link #add} 10 million times). */
    public static Builder builder() {
        return new Builder(DEFAULT_MIN_INDEXED, new HashStore());
    }

    static Builder builder(int minIndexed) {
        return new Builder(minIndexed, new HashStore());
    }

    /** A builder storing hashes in chunks of 2^chunkBits entries (small chunks let tests cross chunk boundaries). */
    static Builder builder(int minIndexed, int chunkBits) {
        return new Builder(minIndexed, new HashStore(chunkBits));
    }

    /**
     * The reference linear scan over this index's own storage (no copy, read-only: it sees later adds to the
     * index), for cross-checks and benchmarks.
     */
    public LinearScanMatcher linearScan() {
        return new LinearScanMatcher(store);
    }

    /** Largest unindexed tail before a rebuild: max(4096, size/256). */
    public int tailLimit() {
        return Math.max(minTail, store.size() >>> 8);
    }

    /** Entries covered by the tables (the rest are scanned). */
    int indexedSize() {
        return tables.minSize();
    }

    /**
     * Appends a hash. When the unindexed tail passes {@link #tailLimit()}, this call rebuilds the tables slot by
     * slot before returning (seconds at 10 million entries; searches continue meanwhile on the previous tables).
     */
    @Override
    public synchronized int add(PdqHash hash) {
        int id = store.add(hash);
        if (store.size() >= minIndexed && store.size() - tables.minSize() > tailLimit()) {
            HashStore.View v = store.view();
            for (int s = 0; s < Slots.COUNT; s++) {
                tables = tables.withSlot(s, v);
            }
        }
        return id;
    }

    /** Rebuilds only the first {@code slots} slots over all entries: the state searches see mid-rebuild. */
    synchronized void rebuildFirstSlots(int slots) {
        HashStore.View v = store.view();
        for (int s = 0; s < slots; s++) {
            tables = tables.withSlot(s, v);
        }
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
        if (maxDistance < 0) {
            return;
        }
        SlotTables t = tables;
        HashStore.View v = store.view();
        int[] radii = Slots.radii(maxDistance);
        int from = out.size();
        if (radii == null) {
            LinearScanMatcher.scan(v, 0, v.size(), query, maxDistance, out);
            return;
        }
        searchTables(t, v, query, maxDistance, radii, out);
        // entries beyond some slot's coverage are scanned; one also found in the tables is kept once
        LinearScanMatcher.scan(v, t.minSize(), v.size(), query, maxDistance, out);
        out.dedupeById(from);
    }

    /** Per-thread query scratch, grown on demand. */
    private static final class Scratch {
        int[] starts = new int[4096];
        int[] ends = new int[4096];
        byte[] probeSlot = new byte[4096];
        int[] candidates = new int[16384];
        byte[] candidateSlot = new byte[16384];
        final int[] qv = new int[Slots.COUNT];

        void ensureProbes(int n) {
            if (starts.length < n) {
                starts = new int[n];
                ends = new int[n];
                probeSlot = new byte[n];
            }
        }

        void ensureCandidates(int n) {
            if (candidates.length < n) {
                int c = Math.max(n, candidates.length * 2);
                candidates = java.util.Arrays.copyOf(candidates, c);
                candidateSlot = java.util.Arrays.copyOf(candidateSlot, c);
            }
        }
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /**
     * Three batched phases (bucket bounds, then candidate ids, then verification) rather than one nested loop:
     * each phase's memory reads are independent of each other, so the CPU overlaps their cache misses.
     */
    private static void searchTables(
            SlotTables t, HashStore.View v, PdqHash query, int maxDistance, int[] radii, MatchBuffer out) {
        long[][] chunks = v.chunks();
        int bits = v.chunkBits();
        int mask = (1 << bits) - 1;
        if (t.minSize() == 0) {
            return;
        }
        long q0 = query.word(0);
        long q1 = query.word(1);
        long q2 = query.word(2);
        long q3 = query.word(3);
        Scratch sc = SCRATCH.get();
        int[] qv = sc.qv;
        Slots.values(q0, q1, q2, q3, qv);

        int probes = 0;
        for (int s = 0; s < Slots.COUNT; s++) {
            if (radii[s] >= 0) {
                probes += Slots.flips(s, radii[s]).length;
            }
        }
        sc.ensureProbes(probes);
        int[] starts = sc.starts;
        int[] ends = sc.ends;
        byte[] probeSlot = sc.probeSlot;
        int p = 0;
        long total = 0;
        for (int s = 0; s < Slots.COUNT; s++) {
            if (radii[s] < 0) {
                continue;
            }
            int[] off = t.offsets(s);
            int base = qv[s];
            for (int f : Slots.flips(s, radii[s])) {
                int bucket = base ^ f;
                int a = off[bucket];
                int b = off[bucket + 1];
                starts[p] = a;
                ends[p] = b;
                probeSlot[p] = (byte) s;
                total += b - a;
                p++;
            }
        }

        sc.ensureCandidates(Math.toIntExact(total));
        int[] cand = sc.candidates;
        byte[] candSlot = sc.candidateSlot;
        int n = 0;
        for (int i = 0; i < p; i++) {
            byte s = probeSlot[i];
            byte[] ids = t.ids(s);
            int idBytes = t.idBytesOf(s);
            for (int q = starts[i], end = ends[i]; q < end; q++) {
                cand[n] = SlotTables.id(ids, q, idBytes);
                candSlot[n] = s;
                n++;
            }
        }

        for (int i = 0; i < n; i++) {
            int id = cand[i];
            long[] words = chunks[id >>> bits];
            int w = (id & mask) << 2;
            int d = Long.bitCount(words[w] ^ q0) + Long.bitCount(words[w + 1] ^ q1);
            if (d > maxDistance) {
                continue;
            }
            d += Long.bitCount(words[w + 2] ^ q2) + Long.bitCount(words[w + 3] ^ q3);
            if (d <= maxDistance && !foundInEarlierSlot(words, w, qv, radii, candSlot[i])) {
                out.add(id, d, 0);
            }
        }
    }

    /** Whether an earlier slot's probes also reach this entry (then that slot reported it). */
    private static boolean foundInEarlierSlot(long[] words, int w, int[] qv, int[] radii, int slot) {
        for (int s = 0; s < slot; s++) {
            if (radii[s] >= 0 && Integer.bitCount(Slots.value(words, w, s) ^ qv[s]) <= radii[s]) {
                return true;
            }
        }
        return false;
    }
}
