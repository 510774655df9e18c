package org.filet.pdq.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.filet.pdq.PdqHash;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The index must return exactly what the linear scan returns (100% recall, same distances, each entry once) on
 * random sets, clustered sets (many near-duplicates of a few centres, as real hash lists are), at every radius,
 * and with 0, 1, 2 and N entries. A failing case prints its seed so it can be replayed.
 */
class MatcherContractTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2})
    void randomSetsAgreeWithScan(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<PdqHash> hashes = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            hashes.add(random(rnd));
        }
        // plant near neighbours at every distance 0..40 so each radius has matches
        for (int d = 0; d <= 40; d++) {
            hashes.add(flip(hashes.get(d), d, rnd));
        }
        List<PdqHash> queries = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            queries.add(i % 3 == 0 ? random(rnd) : flip(hashes.get(rnd.nextInt(hashes.size())), rnd.nextInt(40), rnd));
        }
        checkAgainstScan(seed, hashes, queries, new int[] {0, 1, 5, 12, 16, 31, 32, 40, 47, 50, 64});
    }

    @ParameterizedTest
    @ValueSource(longs = {11, 12})
    void clusteredSetsAgreeWithScan(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<PdqHash> centres = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            centres.add(random(rnd));
        }
        List<PdqHash> hashes = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            PdqHash c = centres.get(rnd.nextInt(centres.size()));
            hashes.add(rnd.nextInt(4) == 0 ? random(rnd) : flip(c, rnd.nextInt(36), rnd));
        }
        List<PdqHash> queries = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            queries.add(flip(centres.get(rnd.nextInt(centres.size())), rnd.nextInt(30), rnd));
        }
        checkAgainstScan(seed, hashes, queries, new int[] {0, 8, 20, 31});
    }

    @Test
    void tinyIndexesAgreeWithScan() {
        SplittableRandom rnd = new SplittableRandom(5);
        for (int n = 0; n <= 3; n++) {
            List<PdqHash> hashes = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                hashes.add(random(rnd));
            }
            List<PdqHash> queries = new ArrayList<>(hashes);
            queries.add(random(rnd));
            if (n > 0) {
                queries.add(flip(hashes.get(0), 31, rnd));
                queries.add(flip(hashes.get(0), 32, rnd));
            }
            checkAgainstScan(n, hashes, queries, new int[] {0, 31, 256});
            assertThat(MihIndex.create().size()).isZero();
        }
    }

    @Test
    void incrementalAddsAreFoundBeforeAndAfterRebuilds() {
        SplittableRandom rnd = new SplittableRandom(9);
        MihIndex index = MihIndex.create(0, 100);
        LinearScanMatcher scan = new LinearScanMatcher();
        for (int i = 0; i < 500; i++) {
            PdqHash h = i % 2 == 0 ? random(rnd) : flip(index.get(rnd.nextInt(index.size())), rnd.nextInt(20), rnd);
            assertThat(index.add(h)).isEqualTo(scan.add(h)).isEqualTo(i);
            PdqHash q = flip(h, rnd.nextInt(31), rnd);
            assertThat(results(index, q, 31)).as("after add %d", i).isEqualTo(results(scan, q, 31));
            assertThat(results(index, h, 0)).contains((long) i << 16);
        }
        assertThat(index.indexedSize()).isGreaterThan(390);
        assertThat(index.size() - index.indexedSize()).isLessThanOrEqualTo(index.tailLimit());
    }

    @Test
    void searchesMidRebuildSeeEveryEntryOnce() {
        SplittableRandom rnd = new SplittableRandom(17);
        MihIndex index = MihIndex.create(0, 1_000_000);
        LinearScanMatcher scan = new LinearScanMatcher();
        for (int i = 0; i < 3_000; i++) {
            PdqHash h = i % 3 == 0 || i < 10 ? random(rnd) : flip(index.get(rnd.nextInt(i)), rnd.nextInt(30), rnd);
            index.add(h);
            scan.add(h);
        }
        index.rebuildFirstSlots(Slots.COUNT);
        for (int i = 0; i < 1_000; i++) {
            PdqHash h = flip(index.get(rnd.nextInt(index.size())), rnd.nextInt(25), rnd);
            index.add(h);
            scan.add(h);
        }
        // slots 0..4 now cover all 4,000 entries, slots 5..11 only the first 3,000
        index.rebuildFirstSlots(5);
        assertThat(index.indexedSize()).isEqualTo(3_000);
        for (int i = 0; i < 200; i++) {
            PdqHash q = flip(index.get(rnd.nextInt(index.size())), rnd.nextInt(32), rnd);
            assertThat(results(index, q, 31)).as("query %d", i).isEqualTo(results(scan, q, 31));
        }
    }

    @Test
    void anyVariantReturnsEachEntryOnceWithItsBestVariant() {
        SplittableRandom rnd = new SplittableRandom(21);
        MihIndex index = MihIndex.create(0, 1_000_000);
        PdqHash stored = random(rnd);
        for (int i = 0; i < 100; i++) {
            index.add(random(rnd));
        }
        int id = index.add(stored);
        index.rebuildFirstSlots(Slots.COUNT);
        List<PdqHash> variants = new ArrayList<>();
        variants.add(flip(stored, 20, rnd));
        variants.add(random(rnd));
        variants.add(flip(stored, 3, rnd));
        variants.add(flip(stored, 10, rnd));
        MatchBuffer out = new MatchBuffer();
        index.searchAny(variants, 31, out);
        assertThat(out.size()).isEqualTo(1);
        assertThat(out.id(0)).isEqualTo(id);
        assertThat(out.distance(0)).isEqualTo(3);
        assertThat(out.variant(0)).isEqualTo(2);
    }

    @Test
    void storageGrowsAcrossChunksWithoutLosingEntries() {
        SplittableRandom rnd = new SplittableRandom(4);
        int chunk = 4096;
        MihIndex.Builder builder = MihIndex.builder(0, 12);
        int n = 2 * chunk + 1_000;
        PdqHash[] kept = new PdqHash[n];
        for (int i = 0; i < n; i++) {
            long a = rnd.nextLong();
            long b = rnd.nextLong();
            long c = rnd.nextLong();
            long d = rnd.nextLong();
            kept[i] = PdqHash.ofWords(a, b, c, d);
            assertThat(builder.add(a, b, c, d)).isEqualTo(i);
        }
        MihIndex index = builder.build();
        assertThatThrownByAdd(builder);
        int extra = index.add(random(rnd));
        assertThat(extra).isEqualTo(n);
        assertThat(index.indexedSize()).isEqualTo(n);
        for (int q = 0; q < 40; q++) {
            PdqHash query = flip(kept[rnd.nextInt(n)], rnd.nextInt(32), rnd);
            assertThat(results(index, query, 31)).isEqualTo(results(index.linearScan(), query, 31));
        }
        for (int i : new int[] {0, 1023, 1024, 2047, 2048, chunk - 1, chunk, 2 * chunk, n - 1}) {
            assertThat(index.get(i)).isEqualTo(kept[i]);
            assertThat(results(index, flip(kept[i], 30, rnd), 31)).contains((long) i << 16 | 30);
            assertThat(results(index.linearScan(), kept[i], 0)).containsExactly((long) i << 16);
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> index.linearScan().add(kept[0]))
                .isInstanceOf(IllegalStateException.class);
    }

    private static void assertThatThrownByAdd(MihIndex.Builder builder) {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> builder.add(0, 0, 0, 0))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void slotRadiiCoverEveryRadius() {
        for (int d = 0; d < 48; d++) {
            int[] radii = Slots.radii(d);
            int covered = 0;
            for (int t : radii) {
                covered += t + 1;
            }
            assertThat(covered).as("radius %d", d).isEqualTo(d + 1);
        }
        assertThat(Slots.radii(31)).containsExactly(2, 2, 2, 2, 2, 2, 2, 2, 1, 1, 1, 1);
        assertThat(Slots.flips(0, 2)).hasSize(1 + 22 + 231);
        assertThat(Slots.flips(11, 1)).hasSize(1 + 20);
    }

    static void checkAgainstScan(long seed, List<PdqHash> hashes, List<PdqHash> queries, int[] radii) {
        MihIndex.Builder builder = MihIndex.builder(0);
        hashes.forEach(builder::add);
        MihIndex bulk = builder.build();
        MihIndex grown = MihIndex.create(hashes.size() / 2, 8192);
        hashes.forEach(grown::add);
        LinearScanMatcher scan = new LinearScanMatcher();
        hashes.forEach(scan::add);
        long matches = 0;
        SplittableRandom vr = new SplittableRandom(seed);
        for (int i = 0; i + 3 < queries.size(); i += 4) {
            List<PdqHash> variants = List.of(
                    queries.get(i),
                    queries.get(i + 1),
                    flip(queries.get(i), 12, vr),
                    queries.get(i + 2),
                    queries.get(i + 3));
            List<Long> expected = anyResults(scan, variants);
            assertThat(anyResults(bulk, variants))
                    .as("seed %d any-variant %d", seed, i)
                    .containsExactlyElementsOf(expected);
            assertThat(anyResults(grown, variants)).containsExactlyElementsOf(expected);
        }
        for (PdqHash q : queries) {
            for (int r : radii) {
                List<Long> expected = results(scan, q, r);
                matches += expected.size();
                assertThat(results(bulk, q, r))
                        .as("seed %d radius %d query %s", seed, r, q)
                        .containsExactlyElementsOf(expected);
                assertThat(results(grown, q, r))
                        .as("seed %d radius %d (incremental)", seed, r)
                        .containsExactlyElementsOf(expected);
            }
        }
        if (!hashes.isEmpty()) {
            assertThat(matches).as("the test must exercise real matches").isPositive();
        }
    }

    /** searchAny matches as {@code id << 16 | distance << 8 | variant}, in the order returned. */
    static List<Long> anyResults(PdqMatcher m, List<PdqHash> variants) {
        MatchBuffer out = new MatchBuffer(2);
        m.searchAny(variants, 31, out);
        List<Long> r = new ArrayList<>();
        for (int i = 0; i < out.size(); i++) {
            assertThat(out.distance(i)).isEqualTo(variants.get(out.variant(i)).distanceTo(m.get(out.id(i))));
            r.add((long) out.id(i) << 16 | out.distance(i) << 8 | out.variant(i));
        }
        return r;
    }

    /** Matches as {@code id << 16 | distance}, in the order returned. */
    static List<Long> results(PdqMatcher m, PdqHash q, int radius) {
        MatchBuffer out = new MatchBuffer(2);
        m.search(q, radius, out);
        List<Long> r = new ArrayList<>();
        for (int i = 0; i < out.size(); i++) {
            assertThat(out.distance(i))
                    .isEqualTo(q.distanceTo(m.get(out.id(i))))
                    .isLessThanOrEqualTo(radius);
            r.add((long) out.id(i) << 16 | out.distance(i));
        }
        return r;
    }

    static PdqHash random(SplittableRandom rnd) {
        return PdqHash.ofWords(rnd.nextLong(), rnd.nextLong(), rnd.nextLong(), rnd.nextLong());
    }

    static PdqHash flip(PdqHash h, int bits, SplittableRandom rnd) {
        long[] w = new long[4];
        h.copyTo(w, 0);
        int done = 0;
        long[] used = new long[4];
        while (done < bits) {
            int b = rnd.nextInt(256);
            if ((used[b >>> 6] & (1L << b)) == 0) {
                used[b >>> 6] |= 1L << b;
                w[b >>> 6] ^= 1L << b;
                done++;
            }
        }
        return PdqHash.ofWords(w, 0);
    }
}
