package org.filet.pdq.lists;

import java.util.Locale;
import java.util.Objects;
import org.filet.pdq.PdqHash;

/**
 * One entry of an imported hash list: the list's own id for it, the hash (lower-case hex), and the list's
 * category label (as the list spells it, e.g. a Project VIC category number; empty when the list has none).
 */
public final class HashListEntry {

    private final String id;
    private final HashKind kind;
    private final String hex;
    private final String category;

    private HashListEntry(String id, HashKind kind, String hex, String category) {
        this.id = id;
        this.kind = kind;
        this.hex = hex;
        this.category = category;
    }

    /**
     * @throws IllegalArgumentException if the hash is not {@code kind.hexLength()} hex digits or the id is blank
     */
    public static HashListEntry of(String id, HashKind kind, String hex, String category) {
        Objects.requireNonNull(kind, "kind");
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("entry id is blank");
        }
        if (hex == null || !kind.accepts(hex)) {
            throw new IllegalArgumentException(
                    "not a " + kind + " hash (" + kind.hexLength() + " hex digits expected)");
        }
        return new HashListEntry(id, kind, hex.toLowerCase(Locale.ROOT), category == null ? "" : category);
    }

    public String id() {
        return id;
    }

    public HashKind kind() {
        return kind;
    }

    /** The hash, lower-case hex. */
    public String hex() {
        return hex;
    }

    public String category() {
        return category;
    }

    /** The parsed PDQ hash; only for {@link HashKind#PDQ} entries. */
    public PdqHash pdq() {
        if (kind != HashKind.PDQ) {
            throw new IllegalStateException("entry is " + kind + ", not PDQ");
        }
        return PdqHash.parse(hex);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof HashListEntry)) {
            return false;
        }
        HashListEntry e = (HashListEntry) o;
        return id.equals(e.id) && kind == e.kind && hex.equals(e.hex) && category.equals(e.category);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, kind, hex, category);
    }

    @Override
    public String toString() {
        return "HashListEntry[" + id + ", " + kind + " " + hex + ", category " + category + "]";
    }
}
