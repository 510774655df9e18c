package org.filet.verify.merkle;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Builds roots and proofs (RFC 9162 §2.1.1, §2.1.3.1 PATH, §2.1.4.1 SUBPROOF) from any {@link NodeSource}. Each
 * proof reads O(log² n) stored hashes at worst and hashes only along the right edge of the tree.
 */
public final class MerkleProofs {
    private MerkleProofs() {}

    /** MTH(D[0:size]). Requires {@code size >= 0} leaves to be available from {@code src}. */
    public static byte[] root(NodeSource src, long size) {
        if (size < 0) {
            throw new IllegalArgumentException("negative tree size " + size);
        }
        return size == 0 ? Rfc9162.emptyRoot() : rangeHash(src, 0, size);
    }

    /** PATH(index, D[0:size]), leaf sibling first. Requires {@code 0 <= index < size}. */
    public static InclusionProof inclusion(NodeSource src, long index, long size) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("leaf index " + index + " outside tree of size " + size);
        }
        List<byte[]> path = new ArrayList<>();
        long start = 0;
        long end = size;
        while (end - start > 1) {
            long k = Long.highestOneBit(end - start - 1); // largest power of two smaller than the range
            if (index - start < k) {
                path.add(rangeHash(src, start + k, end));
                end = start + k;
            } else {
                path.add(rangeHash(src, start, start + k));
                start += k;
            }
        }
        Collections.reverse(path);
        return new InclusionProof(index, size, path);
    }

    /** PROOF(size1, D[0:size2]) = SUBPROOF(size1, D[0:size2], true). Requires {@code 0 < size1 <= size2}. */
    public static ConsistencyProof consistency(NodeSource src, long size1, long size2) {
        if (size1 <= 0 || size1 > size2) {
            throw new IllegalArgumentException("consistency needs 0 < size1 <= size2, got " + size1 + ", " + size2);
        }
        List<byte[]> path = new ArrayList<>();
        long start = 0;
        long end = size2;
        long m = size1;
        boolean whole = true; // b in SUBPROOF: the old tree's root is known to the verifier as-is
        while (true) {
            long n = end - start;
            if (m == n) {
                if (!whole) {
                    path.add(rangeHash(src, start, end));
                }
                break;
            }
            long k = Long.highestOneBit(n - 1);
            if (m <= k) {
                path.add(rangeHash(src, start + k, end));
                end = start + k;
            } else {
                path.add(rangeHash(src, start, start + k));
                start += k;
                m -= k;
                whole = false;
            }
        }
        Collections.reverse(path);
        return new ConsistencyProof(size1, size2, path);
    }

    /**
     * MTH(D[start:end]) for a range produced by the RFC decomposition: {@code start} is a multiple of the largest
     * power of two not exceeding {@code end - start}, so a power-of-two range is one stored complete subtree.
     */
    static byte[] rangeHash(NodeSource src, long start, long end) {
        long n = end - start;
        if (Long.bitCount(n) == 1) {
            int level = Long.numberOfTrailingZeros(n);
            return src.subtreeHash(level, start >>> level);
        }
        long k = Long.highestOneBit(n - 1);
        return Rfc9162.nodeHash(rangeHash(src, start, start + k), rangeHash(src, start + k, end));
    }
}
