package org.filet.verify.custody;

/**
 * What happened to evidence, after CASE/UCO {@code InvestigativeAction}. The wire name is what the canonical
 * encoding carries; new actions are added only with a new entry format version.
 */
public enum CustodyAction {
    RECEIVED("received"),
    STORED("stored"),
    HASHED("hashed"),
    PARSED("parsed"),
    SCORED("scored"),
    TRIAGED("triaged"),
    LINKED("linked"),
    VIEWED("viewed"),
    EXPORTED("exported"),
    REFERRED("referred"),
    SHARED("shared"),
    DELETED_BY_RETENTION("deleted-by-retention");

    private final String wireName;

    CustodyAction(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** True for actions that must carry a reason (someone looked at or passed on restricted material). */
    public boolean requiresReason() {
        return this == VIEWED || this == SHARED;
    }

    /** The action with this wire name; {@link IllegalArgumentException} naming the (ASCII-safe) value otherwise. */
    public static CustodyAction fromWireName(String name) {
        for (CustodyAction a : values()) {
            if (a.wireName.equals(name)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown action");
    }
}
