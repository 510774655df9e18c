package org.filet.identifiers;

import java.util.Objects;

/**
 * A phone number in E.164 ({@link #identifier()}), whether libphonenumber knows it as assigned ({@link
 * Validity#VALID}) or only as having a possible length ({@link Validity#POSSIBLE}), the region it belongs to and its
 * line type.
 */
public record Phone(Identifier identifier, Validity validity, String region, LineType lineType) {

    /** How sure we are that the number can belong to someone. */
    public enum Validity {
        /** In a range libphonenumber knows as assigned in its region. */
        VALID,
        /** The right length for its country, but in no known range (new ranges, fiction ranges, typos). */
        POSSIBLE
    }

    /** The line type libphonenumber gives; {@link #UNKNOWN} for {@link Validity#POSSIBLE} numbers. */
    public enum LineType {
        MOBILE,
        FIXED_LINE,
        FIXED_LINE_OR_MOBILE,
        TOLL_FREE,
        PREMIUM_RATE,
        VOIP,
        PERSONAL_NUMBER,
        PAGER,
        OTHER,
        UNKNOWN
    }

    public Phone {
        Objects.requireNonNull(identifier, "identifier");
        Objects.requireNonNull(validity, "validity");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(lineType, "lineType");
        if (identifier.kind() != IdentifierKind.PHONE) {
            throw new IllegalArgumentException("identifier kind must be PHONE, was " + identifier.kind());
        }
    }

    /** The E.164 value ({@code +15555550100}). */
    public String e164() {
        return identifier.value();
    }
}
