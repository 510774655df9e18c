package org.filet.verify.merkle;

/**
 * Where proofs get their hashes from: the hash of the complete subtree at {@code (level, index)}, i.e. the
 * Merkle tree hash of leaves {@code [index * 2^level, (index + 1) * 2^level)}; level 0 holds the leaf hashes.
 * Complete subtrees never change once their last leaf is appended, so a backend may store them in a table, a file or
 * a cache. Proofs over a tree of size {@code n} only ask for subtrees lying entirely below {@code n}.
 */
@FunctionalInterface
public interface NodeSource {
    /**
     * Returns the 32-byte hash. Requires {@code 0 <= level < 64} and {@code (index + 1) << level} no larger than the
     * number of leaves appended so far.
     */
    byte[] subtreeHash(int level, long index);
}
