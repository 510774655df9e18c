package org.filet.bench.pdq;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.filet.pdq.PdqHash;
import org.filet.pdq.PdqHasher;
import org.filet.pdq.image.ImageDecoder;
import org.filet.pdq.image.ImageRejectedException;
import org.filet.pdq.match.LinearScanMatcher;
import org.filet.pdq.match.MatchBuffer;
import org.filet.pdq.match.MihIndex;
import org.filet.pdq.match.PdqMatcher;

/**
 * {@code ./filet bench pdq}: hashing speed on a synthetic 1600×1004 JPEG (made in memory) and lookup speed in an
 * index of 10 million random and clustered hashes, against a linear scan. One thread, self-timed after warm-up in
 * thread CPU time (so other load on a shared machine does not distort it); about 20 s of CPU and under 1 GB of
 * heap (on a heap too small for 10 million entries the index part uses fewer, and prints how many). {@code -Dfilet.bench.pdq.entries=N} changes the index size.
 */
public final class PdqBench {

    private static final int WIDTH = 1600;
    private static final int HEIGHT = 1004;

    private PdqBench() {}

    public static void run(PrintStream out) {
        hashing(out);
        matching(out, entriesThatFit(Integer.getInteger("filet.bench.pdq.entries", 10_000_000)));
    }

    /**
     * The index needs 68 bytes per entry plus about 160 MB of bucket offsets and build scratch, plus up to one
     * 64 MB storage chunk of rounding: a JVM with a smaller heap runs the index part on fewer entries (printed).
     */
    static int entriesThatFit(int wanted) {
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory()) - (256L << 20);
        return (int) Math.max(100_000, Math.min(wanted, free / 68));
    }

    // ---- hashing --------------------------------------------------------------------------------------------

    static void hashing(PrintStream out) {
        byte[] jpeg = syntheticJpeg(WIDTH, HEIGHT);
        ImageDecoder decoder = ImageDecoder.withDefaults();
        long sink = 0;
        for (int i = 0; i < 100; i++) {
            sink += PdqHasher.hash(decode(decoder, jpeg)).quality();
        }
        int rounds = 120;
        long[] decodeNs = new long[rounds];
        long[] totalNs = new long[rounds];
        long[] hashNs = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            long t0 = now();
            BufferedImage img = decode(decoder, jpeg);
            long t1 = now();
            sink += PdqHasher.hash(img).hash().bitCount();
            long t2 = now();
            decodeNs[i] = t1 - t0;
            hashNs[i] = t2 - t1;
            totalNs[i] = t2 - t0;
        }
        double decode = median(decodeNs) / 1e6;
        double total = median(totalNs) / 1e6;
        double hashOnly = median(hashNs) / 1e6;
        out.printf("pdq.hash_ms_1600x1004 %.2f ms%n", total);
        out.printf("pdq.decode_ms_1600x1004 %.2f ms%n", decode);
        out.printf("pdq.hash_only_ms_1600x1004 %.2f ms%n", hashOnly);
        out.printf("pdq.hash_to_decode_ratio %.2f x%n", total / decode);
        if (sink == 42) {
            out.println("(unlikely)");
        }
    }

    private static BufferedImage decode(ImageDecoder decoder, byte[] bytes) {
        try {
            return decoder.decode(bytes, "bench.jpg").image();
        } catch (ImageRejectedException e) {
            throw new IllegalStateException("synthetic JPEG did not decode", e);
        }
    }

    /** A photo-like RGB picture (smooth gradients, edges, texture), JPEG-encoded by the JDK at default quality. */
    public static byte[] syntheticJpeg(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        SplittableRandom rnd = new SplittableRandom(1600);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double s = Math.sin(x * 0.011) * Math.cos(y * 0.017) + 0.3 * Math.sin((x + y) * 0.05);
                int r = clamp(128 + (int) (90 * s) + rnd.nextInt(16));
                int g = clamp((x * 200 / w) + ((x / 100 + y / 100) % 2 == 0 ? 40 : 0));
                int b = clamp(255 - y * 255 / h + rnd.nextInt(24));
                img.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "jpeg", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    // ---- matching -------------------------------------------------------------------------------------------

    static void matching(PrintStream out, int entries) {
        SplittableRandom rnd = new SplittableRandom(10_000_000);
        int clusterCount = Math.max(1, entries / 5 / 1000);
        long[] centres = randomWords(rnd, clusterCount);
        MihIndex.Builder builder = MihIndex.builder();
        long[] entry = new long[4];
        for (int i = 0; i < entries; i++) {
            if (rnd.nextInt(5) == 0) {
                // 20% are near-duplicates (0..24 bits) of 1 of the cluster centres, as real lists are
                System.arraycopy(centres, rnd.nextInt(clusterCount) * 4, entry, 0, 4);
                flipBits(entry, 0, rnd.nextInt(25), rnd);
            } else {
                for (int k = 0; k < 4; k++) {
                    entry[k] = rnd.nextLong();
                }
            }
            builder.add(entry[0], entry[1], entry[2], entry[3]);
        }
        long t0 = now();
        MihIndex index = builder.build();
        double buildS = (now() - t0) / 1e9;
        LinearScanMatcher scan = index.linearScan();
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long heapMb = (rt.totalMemory() - rt.freeMemory()) >> 20;

        int n = entries >= 1_000_000 ? 2000 : 300;
        PdqHash[] unmatched = new PdqHash[n];
        PdqHash[] nearStored = new PdqHash[n];
        PdqHash[] nearCentre = new PdqHash[n / 10];
        for (int i = 0; i < n; i++) {
            unmatched[i] = PdqHash.ofWords(rnd.nextLong(), rnd.nextLong(), rnd.nextLong(), rnd.nextLong());
            long[] w = new long[4];
            index.get(rnd.nextInt(entries)).copyTo(w, 0);
            flipBits(w, 0, rnd.nextInt(32), rnd);
            nearStored[i] = PdqHash.ofWords(w, 0);
        }
        for (int i = 0; i < nearCentre.length; i++) {
            long[] w = centresAt(centres, rnd.nextInt(clusterCount));
            flipBits(w, 0, rnd.nextInt(16), rnd);
            nearCentre[i] = PdqHash.ofWords(w, 0);
        }
        MatchBuffer buf = new MatchBuffer();
        lookups(index, unmatched, buf, n / 2);
        lookups(index, nearStored, buf, n / 2);
        double unmatchedRate = lookups(index, unmatched, buf, n);
        double storedRate = lookups(index, nearStored, buf, n);
        double centreRate = lookups(index, nearCentre, buf, nearCentre.length);
        // the headline mix: half unknown images, 45% near a stored entry, 5% near a popular cluster
        double mixed = 1.0 / (0.5 / unmatchedRate + 0.45 / storedRate + 0.05 / centreRate);
        double anyVariant = anyVariantLookups(index, nearStored, buf, Math.min(300, n));

        int scanQueries = 12;
        PdqHash[] scanSet = new PdqHash[scanQueries];
        for (int i = 0; i < scanQueries; i++) {
            scanSet[i] = i % 2 == 0 ? nearStored[i] : unmatched[i];
        }
        lookups(scan, scanSet, buf, 3);
        double scanRate = lookups(scan, scanSet, buf, scanQueries);
        boolean same = sameResults(index, scan, scanSet) && sameResults(index, scan, Arrays.copyOf(nearCentre, 4));

        out.printf("pdq.index_lookups_per_s %.0f lookups/s%n", mixed);
        out.printf("pdq.index_lookups_per_s_unmatched %.0f lookups/s%n", unmatchedRate);
        out.printf("pdq.index_lookups_per_s_near_stored %.0f lookups/s%n", storedRate);
        out.printf("pdq.index_lookups_per_s_near_cluster %.0f lookups/s%n", centreRate);
        out.printf("pdq.index_any_variant_lookups_per_s %.0f lookups/s%n", anyVariant);
        out.printf("pdq.scan_lookups_per_s %.1f lookups/s%n", scanRate);
        out.printf("pdq.index_entries %d entries%n", entries);
        out.printf("pdq.index_build_s %.1f s%n", buildS);
        out.printf("pdq.index_heap_mb %d MB%n", heapMb);
        out.printf("pdq.index_agrees_with_scan %d bool%n", same ? 1 : 0);
    }

    private static long[] centresAt(long[] centres, int i) {
        return Arrays.copyOfRange(centres, i * 4, i * 4 + 4);
    }

    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();

    /**
     * Thread CPU time when the JVM offers it (so other processes on a shared machine do not distort the figure),
     * else wall-clock time.
     */
    static long now() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    }

    private static double lookups(PdqMatcher m, PdqHash[] queries, MatchBuffer buf, int count) {
        long found = 0;
        long t0 = now();
        for (int i = 0; i < count; i++) {
            buf.clear();
            m.search(queries[i % queries.length], PdqMatcher.DEFAULT_MAX_DISTANCE, buf);
            found += buf.size();
        }
        long ns = now() - t0;
        if (found < 0) {
            throw new AssertionError();
        }
        return count / (ns / 1e9);
    }

    private static double anyVariantLookups(PdqMatcher m, PdqHash[] queries, MatchBuffer buf, int count) {
        long t0 = now();
        for (int i = 0; i < count; i++) {
            buf.clear();
            long[] w = new long[4];
            queries[i].copyTo(w, 0);
            List<PdqHash> eight = List.of(
                    queries[i], rotl(w, 1), rotl(w, 2), rotl(w, 3), rotl(w, 5), rotl(w, 7), rotl(w, 11), rotl(w, 13));
            m.searchAny(eight, PdqMatcher.DEFAULT_MAX_DISTANCE, buf);
        }
        return count / ((now() - t0) / 1e9);
    }

    private static PdqHash rotl(long[] w, int k) {
        return PdqHash.ofWords(
                Long.rotateLeft(w[0], k), Long.rotateLeft(w[1], k), Long.rotateLeft(w[2], k), Long.rotateLeft(w[3], k));
    }

    private static boolean sameResults(PdqMatcher a, PdqMatcher b, PdqHash[] queries) {
        MatchBuffer x = new MatchBuffer();
        MatchBuffer y = new MatchBuffer();
        for (PdqHash q : queries) {
            x.clear();
            y.clear();
            a.search(q, PdqMatcher.DEFAULT_MAX_DISTANCE, x);
            b.search(q, PdqMatcher.DEFAULT_MAX_DISTANCE, y);
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (x.id(i) != y.id(i) || x.distance(i) != y.distance(i)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static long[] randomWords(SplittableRandom rnd, int count) {
        long[] w = new long[count * 4];
        for (int i = 0; i < w.length; i++) {
            w[i] = rnd.nextLong();
        }
        return w;
    }

    /** Flips {@code k} distinct random bits of the hash at {@code w[p..p+3]}. */
    static void flipBits(long[] w, int p, int k, SplittableRandom rnd) {
        long[] done = new long[4];
        int flipped = 0;
        while (flipped < k) {
            int b = rnd.nextInt(256);
            if ((done[b >>> 6] & (1L << b)) == 0) {
                done[b >>> 6] |= 1L << b;
                w[p + (b >>> 6)] ^= 1L << b;
                flipped++;
            }
        }
    }

    private static double median(long[] v) {
        long[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
