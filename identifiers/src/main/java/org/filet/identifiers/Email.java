package org.filet.identifiers;

import java.util.List;
import java.util.Objects;

/**
 * An e-mail address: {@link #identifier()} holds the normalised address (case-folded, domain in ASCII), which is what
 * links reports. {@link #variants()} lists addresses that the provider delivers to the same mailbox (Gmail ignores
 * dots, most providers drop a {@code +tag}), each with the rule that produced it, and {@link #canonicalForMatching()}
 * applies them all. Variants are hints for a reviewer, never merged automatically: the provider rule may change or
 * not apply to a given account.
 */
public record Email(Identifier identifier, Identifier canonicalForMatching, List<Variant> variants) {

    /** A provider rule that maps an address to another address of the same mailbox. */
    public enum Rule {
        /** Gmail ignores dots in the local part. */
        DOTS_IGNORED,
        /** Gmail, Outlook/Hotmail/Live, iCloud, Proton, Fastmail, Yahoo (with {@code -}) deliver sub-addresses. */
        SUBADDRESS_REMOVED,
        /** Domains that are aliases of one another (googlemail.com → gmail.com, me.com → icloud.com). */
        DOMAIN_ALIAS
    }

    /** An address that the provider delivers to the same mailbox, by {@link #rule()}. */
    public record Variant(Rule rule, Identifier address) {
        public Variant {
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(address, "address");
        }
    }

    public Email {
        Objects.requireNonNull(identifier, "identifier");
        Objects.requireNonNull(canonicalForMatching, "canonicalForMatching");
        variants = List.copyOf(variants);
    }

    /** The normalised address ({@code alice.b+news@gmail.com}). */
    public String normalised() {
        return identifier.value();
    }
}
