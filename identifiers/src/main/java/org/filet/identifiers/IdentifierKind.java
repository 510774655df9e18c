package org.filet.identifiers;

/** What an {@link Identifier} designates. */
public enum IdentifierKind {
    /** A telephone number in E.164 ({@code +33612345678}). */
    PHONE,
    /** An e-mail address, case-folded, domain in ASCII. */
    EMAIL,
    /** An account on a platform (or on an unknown platform, for an {@code @handle} without context). */
    ACCOUNT,
    /** A web address that is not a known platform's profile. */
    URL
}
