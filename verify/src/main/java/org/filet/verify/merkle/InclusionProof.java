package org.filet.verify.merkle;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An RFC 9162 §2.1.3 inclusion proof: the audit path for leaf {@code leafIndex} in the tree of {@code treeSize}
 * leaves, leaf sibling first. Immutable; hashes are copied in and out.
 */
public final class InclusionProof {
    private final long leafIndex;
    private final long treeSize;
    private final List<byte[]> path;

    public InclusionProof(long leafIndex, long treeSize, List<byte[]> path) {
        if (leafIndex < 0 || treeSize <= leafIndex) {
            throw new IllegalArgumentException("leaf index " + leafIndex + " outside tree of size " + treeSize);
        }
        this.leafIndex = leafIndex;
        this.treeSize = treeSize;
        this.path = copy(path);
    }

    public long leafIndex() {
        return leafIndex;
    }

    public long treeSize() {
        return treeSize;
    }

    public List<byte[]> path() {
        return copy(path);
    }

    /** Number of hashes a valid proof for (index, size) has: the inner path plus the right-border path. */
    public static int expectedLength(long index, long size) {
        int inner = 64 - Long.numberOfLeadingZeros(index ^ (size - 1));
        return inner + Long.bitCount(index >>> inner);
    }

    /** Checks that {@code leafHash} is at {@code leafIndex} in the tree whose root is {@code expectedRoot}. */
    public void verify(byte[] leafHash, byte[] expectedRoot) throws ProofException {
        Rfc9162.checkHash(expectedRoot, "expected root");
        byte[] computed = rootFromLeafHash(leafHash);
        if (!Arrays.equals(computed, expectedRoot)) {
            throw new RootMismatch(
                    "root of tree size " + treeSize + " from inclusion proof of leaf " + leafIndex,
                    expectedRoot,
                    computed);
        }
    }

    /** The root implied by this proof for {@code leafHash}, following RFC 9162 §2.1.3.2 step by step. */
    public byte[] rootFromLeafHash(byte[] leafHash) throws ProofException {
        Rfc9162.checkHash(leafHash, "leaf hash");
        int want = expectedLength(leafIndex, treeSize);
        if (path.size() != want) {
            throw new ProofException("inclusion proof for leaf " + leafIndex + " in tree size " + treeSize + " has "
                    + path.size() + " hashes, expected " + want);
        }
        long fn = leafIndex;
        long sn = treeSize - 1;
        byte[] r = leafHash;
        for (int i = 0; i < path.size(); i++) {
            byte[] p = path.get(i);
            Rfc9162.checkHash(p, "inclusion proof element [" + i + "]");
            if (sn == 0) {
                throw new ProofException("inclusion proof element [" + i + "] is past the root");
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = Rfc9162.nodeHash(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            } else {
                r = Rfc9162.nodeHash(r, p);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        if (sn != 0) {
            throw new ProofException("inclusion proof for leaf " + leafIndex + " ends below the root");
        }
        return r;
    }

    static List<byte[]> copy(List<byte[]> in) {
        List<byte[]> out = new ArrayList<>(in.size());
        for (byte[] h : in) {
            out.add(h == null ? null : h.clone());
        }
        return java.util.Collections.unmodifiableList(out);
    }

    @Override
    public String toString() {
        return "InclusionProof[leaf " + leafIndex + " of " + treeSize + ", " + path.size() + " hashes]";
    }
}
