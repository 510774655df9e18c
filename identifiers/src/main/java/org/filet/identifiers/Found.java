package org.filet.identifiers;

import java.util.Objects;

/**
 * An identifier found in a text, at {@code [start, end)} (UTF-16 indices of the text given), how it was found and
 * how strongly it can link reports.
 */
public record Found(int start, int end, Identifier identifier, Source source, Strength strength) {

    /** What in the text gave the identifier. */
    public enum Source {
        /** A web address (profile link, or any other http(s) address). */
        LINK,
        EMAIL,
        PHONE_NUMBER,
        /** An {@code @handle}; its platform, if any, comes from a platform name nearby. */
        AT_HANDLE,
        /** A name after a platform and a separator ({@code snap : alicia_12}, {@code mon insta c'est lea.v_09}). */
        NAMED_HANDLE
    }

    /** How strongly the identifier can link reports. */
    public enum Strength {
        /** Links, e-mails, valid phone numbers, handles with a platform. */
        STRONG,
        /** Phone numbers that are only possible, handles without a platform: hints for a reviewer. */
        WEAK
    }

    public Found {
        Objects.requireNonNull(identifier, "identifier");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(strength, "strength");
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("need 0 <= start < end, was " + start + ", " + end);
        }
    }
}
