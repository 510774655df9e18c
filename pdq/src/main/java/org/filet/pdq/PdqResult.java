package org.filet.pdq;

import java.util.List;
import java.util.Objects;

/**
 * The PDQ hash of an image, its quality score (0..100; below {@link #QUALITY_THRESHOLD} the hash should not be used
 * for matching) and the hashes of its 8 {@link Dihedral} variants.
 */
public final class PdqResult {

    /** Hashes with a quality below this are unreliable (ThreatExchange and HMA discard quality ≤ 49). */
    public static final int QUALITY_THRESHOLD = 50;

    private final int quality;
    private final List<PdqHash> variants;

    PdqResult(int quality, PdqHash[] variants) {
        if (quality < 0 || quality > 100) {
            throw new IllegalArgumentException("quality must be 0..100, got " + quality);
        }
        if (variants.length != 8) {
            throw new IllegalArgumentException("need 8 dihedral variants, got " + variants.length);
        }
        this.quality = quality;
        this.variants = List.of(variants);
    }

    /** The hash of the image as stored (EXIF orientation not applied). */
    public PdqHash hash() {
        return variants.get(0);
    }

    /** Quality 0..100. */
    public int quality() {
        return quality;
    }

    /** Whether {@link #quality()} reaches {@link #QUALITY_THRESHOLD}. */
    public boolean isUsable() {
        return quality >= QUALITY_THRESHOLD;
    }

    /** The hash of one rotation or mirroring. */
    public PdqHash variant(Dihedral d) {
        return variants.get(d.ordinal());
    }

    /** All 8 variants, in {@link Dihedral} order (index 0 is {@link #hash()}). */
    public List<PdqHash> variants() {
        return variants;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PdqResult
                && ((PdqResult) o).quality == quality
                && ((PdqResult) o).variants.equals(variants);
    }

    @Override
    public int hashCode() {
        return Objects.hash(quality, variants);
    }

    @Override
    public String toString() {
        return "PdqResult[" + hash() + ", quality " + quality + "]";
    }
}
