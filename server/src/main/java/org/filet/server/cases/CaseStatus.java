package org.filet.server.cases;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The status flow of a case. Only the moves listed are allowed; a case may go back to investigating from review. */
public enum CaseStatus {
    NEW,
    TRIAGED,
    INVESTIGATING,
    READY_FOR_REVIEW,
    APPROVED,
    REFERRED,
    CLOSED;

    private static final Map<CaseStatus, List<CaseStatus>> NEXT = Map.of(
            NEW, List.of(TRIAGED, INVESTIGATING, CLOSED),
            TRIAGED, List.of(INVESTIGATING, CLOSED),
            INVESTIGATING, List.of(READY_FOR_REVIEW, CLOSED),
            READY_FOR_REVIEW, List.of(APPROVED, INVESTIGATING),
            APPROVED, List.of(REFERRED, INVESTIGATING),
            REFERRED, List.of(CLOSED),
            CLOSED, List.of());

    public List<CaseStatus> next() {
        return NEXT.get(this);
    }

    public boolean canMoveTo(CaseStatus target) {
        return NEXT.get(this).contains(target);
    }

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CaseStatus parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("unknown case status");
        }
    }
}
