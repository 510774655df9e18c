package org.filet.pdq;

/**
 * The 8 rotations and mirrorings of an image, in the order of the reference implementation. Their hashes are
 * derived from the DCT of the original (PDQ.md §8): an approximation of hashing the physically transformed file.
 */
public enum Dihedral {
    /** The image as stored. */
    ORIGINAL,
    /** Rotated 90° counter-clockwise. */
    ROTATE_90,
    /** Rotated 180°. */
    ROTATE_180,
    /** Rotated 90° clockwise. */
    ROTATE_270,
    /** Mirrored top to bottom. */
    FLIP_X,
    /** Mirrored left to right. */
    FLIP_Y,
    /** Transposed (mirrored about the main diagonal). */
    FLIP_PLUS1,
    /** Anti-transposed (mirrored about the other diagonal). */
    FLIP_MINUS1;

    private static final Dihedral[] VALUES = values();

    /** The 8 values, by ordinal. */
    static Dihedral of(int ordinal) {
        return VALUES[ordinal];
    }
}
