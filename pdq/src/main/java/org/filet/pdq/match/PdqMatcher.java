package org.filet.pdq.match;

import java.util.List;
import org.filet.pdq.PdqHash;

/**
 * An in-memory set of PDQ hashes searched by Hamming distance. Entries get consecutive ids from 0 in the order
 * they were added; the caller maps ids to its own records (bank, list, category).
 *
 * <p>Guarantee: every implementation returns exactly the entries a linear scan with {@link PdqHash#distanceTo}
 * would return (100% recall, no false positives), each once. Searches may run concurrently with each other and
 * with {@link #add}; a search sees at least every entry whose {@code add} returned before it started.
 */
public interface PdqMatcher {

    /** The usual match threshold for PDQ (ThreatExchange, HMA): distance ≤ 31. */
    int DEFAULT_MAX_DISTANCE = 31;

    /** Adds a hash and returns its id. */
    int add(PdqHash hash);

    /** Number of entries. */
    int size();

    /** The hash stored under {@code id}. */
    PdqHash get(int id);

    /**
     * Appends to {@code out} every entry within {@code maxDistance} (0..256) of {@code query}, ordered by id.
     * Does not clear {@code out}.
     */
    void search(PdqHash query, int maxDistance, MatchBuffer out);

    /**
     * "Is this image known": searches all given variants (normally the 8 dihedral hashes of one image) and
     * appends each matching entry once, with its smallest distance and the index of the variant that gave it.
     * Ordered by id; does not clear {@code out}.
     */
    default void searchAny(List<PdqHash> variants, int maxDistance, MatchBuffer out) {
        int from = out.size();
        for (int v = 0; v < variants.size(); v++) {
            int before = out.size();
            search(variants.get(v), maxDistance, out);
            for (int i = before; i < out.size(); i++) {
                out.setVariant(i, v);
            }
        }
        out.dedupeById(from);
    }
}
