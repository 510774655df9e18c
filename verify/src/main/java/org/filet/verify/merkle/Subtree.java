package org.filet.verify.merkle;

import java.util.ArrayList;
import java.util.List;
import org.filet.verify.Hex;

/**
 * A complete subtree: the hash of leaves {@code [index * 2^level, (index + 1) * 2^level)}. What a {@link NodeSource}
 * backend stores, e.g. as rows {@code (level, index, hash)} of a table keyed by {@code (level, index)}.
 */
public record Subtree(int level, long index, byte[] hash) {
    public Subtree {
        if (level < 0 || level > 63 || index < 0 || hash == null || hash.length != Rfc9162.HASH_SIZE) {
            throw new IllegalArgumentException("subtree needs level 0..63, index >= 0 and a 32-byte hash");
        }
        hash = hash.clone();
    }

    @Override
    public byte[] hash() {
        return hash.clone();
    }

    /**
     * The subtrees that become complete when leaf {@code leafIndex} (hash {@code leafHash}) is appended: the leaf
     * itself at level 0, then each parent as long as the new node is a right child. {@code existing} must already
     * answer for every leaf below {@code leafIndex}. A backend stores all returned subtrees in the same transaction
     * as the entry; amortised, that is two rows per entry.
     */
    public static List<Subtree> completedBy(long leafIndex, byte[] leafHash, NodeSource existing) {
        List<Subtree> out = new ArrayList<>(2);
        byte[] h = leafHash;
        long i = leafIndex;
        int level = 0;
        out.add(new Subtree(0, leafIndex, leafHash));
        while ((i & 1) == 1) {
            h = Rfc9162.nodeHash(existing.subtreeHash(level, i - 1), h);
            i >>>= 1;
            level++;
            out.add(new Subtree(level, i, h));
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Subtree s && s.level == level && s.index == index && java.util.Arrays.equals(s.hash, hash);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(hash);
    }

    @Override
    public String toString() {
        return "Subtree[level " + level + ", index " + index + ", " + Hex.encode(hash) + "]";
    }
}
