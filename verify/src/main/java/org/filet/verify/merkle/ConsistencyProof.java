package org.filet.verify.merkle;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An RFC 9162 §2.1.4 consistency proof that the tree of {@code size2} leaves extends the tree of {@code size1}
 * leaves by appending only. Immutable.
 */
public final class ConsistencyProof {
    private final long size1;
    private final long size2;
    private final List<byte[]> path;

    public ConsistencyProof(long size1, long size2, List<byte[]> path) {
        if (size1 <= 0 || size1 > size2) {
            throw new IllegalArgumentException("consistency needs 0 < size1 <= size2, got " + size1 + ", " + size2);
        }
        this.size1 = size1;
        this.size2 = size2;
        this.path = InclusionProof.copy(path);
    }

    public long size1() {
        return size1;
    }

    public long size2() {
        return size2;
    }

    public List<byte[]> path() {
        return InclusionProof.copy(path);
    }

    /** Number of hashes a valid proof for (size1, size2) has. */
    public static int expectedLength(long size1, long size2) {
        if (size1 == size2) {
            return 0;
        }
        int shift = Long.numberOfTrailingZeros(size1);
        long index = size1 - 1;
        int inner = 64 - Long.numberOfLeadingZeros(index ^ (size2 - 1));
        int border = Long.bitCount(index >>> inner);
        int seed = size1 == (1L << shift) ? 0 : 1; // a power-of-two old tree is itself the seed (the verifier knows it)
        return seed + (inner - shift) + border;
    }

    /** Checks {@code root1} (size1) and {@code root2} (size2) against this proof, RFC 9162 §2.1.4.2. */
    public void verify(byte[] root1, byte[] root2) throws ProofException {
        Rfc9162.checkHash(root1, "first root");
        Rfc9162.checkHash(root2, "second root");
        int want = expectedLength(size1, size2);
        if (path.size() != want) {
            throw new ProofException("consistency proof " + size1 + " -> " + size2 + " has " + path.size()
                    + " hashes, expected " + want);
        }
        if (size1 == size2) {
            if (!Arrays.equals(root1, root2)) {
                throw new RootMismatch("roots of equal tree size " + size1, root1, root2);
            }
            return;
        }
        List<byte[]> p = new ArrayList<>(path);
        for (int i = 0; i < p.size(); i++) {
            Rfc9162.checkHash(p.get(i), "consistency proof element [" + i + "]");
        }
        if (Long.bitCount(size1) == 1) {
            p.add(0, root1);
        }
        long fn = size1 - 1;
        long sn = size2 - 1;
        while ((fn & 1) == 1) {
            fn >>>= 1;
            sn >>>= 1;
        }
        byte[] fr = p.get(0);
        byte[] sr = p.get(0);
        for (int i = 1; i < p.size(); i++) {
            byte[] c = p.get(i);
            if (sn == 0) {
                throw new ProofException("consistency proof element [" + i + "] is past the root");
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = Rfc9162.nodeHash(c, fr);
                sr = Rfc9162.nodeHash(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            } else {
                sr = Rfc9162.nodeHash(sr, c);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        if (sn != 0) {
            throw new ProofException("consistency proof " + size1 + " -> " + size2 + " ends below the root");
        }
        if (!Arrays.equals(fr, root1)) {
            throw new RootMismatch("first root (size " + size1 + ") from consistency proof", root1, fr);
        }
        if (!Arrays.equals(sr, root2)) {
            throw new RootMismatch("second root (size " + size2 + ") from consistency proof", root2, sr);
        }
    }

    @Override
    public String toString() {
        return "ConsistencyProof[" + size1 + " -> " + size2 + ", " + path.size() + " hashes]";
    }
}
