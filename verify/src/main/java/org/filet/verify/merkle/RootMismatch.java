package org.filet.verify.merkle;

import org.filet.verify.Hex;

/** The root recomputed from a proof differs from the expected (signed) root. */
public final class RootMismatch extends ProofException {
    private static final long serialVersionUID = 1L;
    private final byte[] expected;
    private final byte[] computed;

    public RootMismatch(String which, byte[] expected, byte[] computed) {
        super(which + " mismatch: expected " + Hex.encode(expected) + ", computed " + Hex.encode(computed));
        this.expected = expected.clone();
        this.computed = computed.clone();
    }

    public byte[] expected() {
        return expected.clone();
    }

    public byte[] computed() {
        return computed.clone();
    }
}
