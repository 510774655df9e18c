package org.filet.identifiers.network;

import java.util.Arrays;

/**
 * Networks of reports: the connected groups formed by reports that share an identifier (or a picture), computed with
 * a union-find over dense report numbers. Bounded: a value carried by more than {@code cap} reports is treated as too
 * common to mean anything and links nothing (the known failure of correlation engines is a giant component made of
 * "admin" and hotline numbers); so a value in 100,000 reports costs 100,000 reads, never 10^10 links.
 *
 * <p>Identifiers are 64-bit hashes of their normalised keys; reports are numbered 0..n-1 by the caller. Memory is a few
 * primitive arrays: no object per report or per identifier. Not thread-safe; the server serialises updates.
 */
public final class Networks {

    private int[] parent;
    private int[] size;
    private int reports;
    private final int cap;
    private final LongIntMap firstReport; // identifier hash -> the first report that carried it
    private final LongIntMap carriers; // identifier hash -> how many reports carried it

    private Networks(int capacity, int cap, int expectedIdentifiers) {
        this.parent = new int[Math.max(16, capacity)];
        this.size = new int[parent.length];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
            size[i] = 1;
        }
        this.cap = cap;
        this.firstReport = new LongIntMap(expectedIdentifiers);
        this.carriers = new LongIntMap(expectedIdentifiers);
    }

    /** An empty set of networks for about {@code reports} reports and {@code identifiers} distinct identifiers. */
    public static Networks create(int reports, int identifiers, int cap) {
        if (cap < 2) {
            throw new IllegalArgumentException("cap must be >= 2, was " + cap);
        }
        return new Networks(reports, cap, identifiers);
    }

    /**
     * Links from scratch: {@code reportOf[i]} carries identifier {@code identifierOf[i]} (hashes). Sorts the pairs by
     * identifier, counts carriers, and joins the reports of every value within the cap. O(m log m) for m pairs.
     */
    public static Networks build(int reportCount, int[] reportOf, long[] identifierOf, int cap) {
        if (reportOf.length != identifierOf.length) {
            throw new IllegalArgumentException("reportOf and identifierOf differ in length");
        }
        int m = reportOf.length;
        int[] order = sortedOrder(identifierOf);
        Networks n = new Networks(reportCount, cap, Math.max(16, m / 2));
        n.ensure(reportCount);
        n.reports = reportCount;
        int i = 0;
        while (i < m) {
            int j = i;
            long key = identifierOf[order[i]];
            while (j < m && identifierOf[order[j]] == key) {
                j++;
            }
            int count = j - i;
            n.carriers.put(key, count);
            n.firstReport.put(key, reportOf[order[i]]);
            if (count <= cap) {
                for (int k = i + 1; k < j; k++) {
                    n.union(reportOf[order[i]], reportOf[order[k]]);
                }
            }
            i = j;
        }
        return n;
    }

    /** Adds one report with its identifiers; returns the report's network representative. */
    public int addReport(int report, long[] identifiers) {
        ensure(report + 1);
        reports = Math.max(reports, report + 1);
        for (long key : identifiers) {
            int count = carriers.get(key, 0) + 1;
            carriers.put(key, count);
            int first = firstReport.get(key, -1);
            if (first < 0) {
                firstReport.put(key, report);
            } else if (count <= cap) {
                union(first, report);
            }
        }
        return find(report);
    }

    /** The network (its representative report) a report belongs to. */
    public int find(int report) {
        int root = report;
        while (parent[root] != root) {
            root = parent[root];
        }
        while (parent[report] != root) { // path compression
            int next = parent[report];
            parent[report] = root;
            report = next;
        }
        return root;
    }

    /** How many reports the report's network holds. */
    public int networkSize(int report) {
        return size[find(report)];
    }

    /** Whether a value is carried by more reports than the cap (and so links nothing). */
    public boolean tooCommon(long identifier) {
        return carriers.get(identifier, 0) > cap;
    }

    public int reports() {
        return reports;
    }

    private void union(int a, int b) {
        int ra = find(a);
        int rb = find(b);
        if (ra == rb) {
            return;
        }
        if (size[ra] < size[rb]) {
            int t = ra;
            ra = rb;
            rb = t;
        }
        parent[rb] = ra;
        size[ra] += size[rb];
    }

    private void ensure(int count) {
        if (count > parent.length) {
            int old = parent.length;
            int grown = Math.max(count, old + (old >> 1));
            parent = Arrays.copyOf(parent, grown);
            size = Arrays.copyOf(size, grown);
            for (int i = old; i < grown; i++) {
                parent[i] = i;
                size[i] = 1;
            }
        }
    }

    /** Indexes of the pairs ordered by identifier, without boxing (an introsort-free quicksort on an index array). */
    private static int[] sortedOrder(long[] keys) {
        int m = keys.length;
        int[] order = new int[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
        }
        sortIndexes(order, keys, 0, m - 1);
        return order;
    }

    private static void sortIndexes(int[] idx, long[] keys, int lo, int hi) {
        while (lo < hi) {
            if (hi - lo < 16) {
                for (int i = lo + 1; i <= hi; i++) {
                    int v = idx[i];
                    long kv = keys[v];
                    int j = i - 1;
                    while (j >= lo && keys[idx[j]] > kv) {
                        idx[j + 1] = idx[j];
                        j--;
                    }
                    idx[j + 1] = v;
                }
                return;
            }
            long pivot = keys[idx[(lo + hi) >>> 1]];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (keys[idx[i]] < pivot) {
                    i++;
                }
                while (keys[idx[j]] > pivot) {
                    j--;
                }
                if (i <= j) {
                    int t = idx[i];
                    idx[i] = idx[j];
                    idx[j] = t;
                    i++;
                    j--;
                }
            }
            if (j - lo < hi - i) {
                sortIndexes(idx, keys, lo, j);
                lo = i;
            } else {
                sortIndexes(idx, keys, i, hi);
                hi = j;
            }
        }
    }
}
