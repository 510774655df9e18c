package org.filet.identifiers;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The entry point for the server: normalise one identifier of a known kind, or find all identifiers in a text. Every
 * method returns a value or a named {@link Rejection}; none throws on bad input. Thread-safe.
 */
public final class Identifiers {

    private static final IdentifierExtractor EXTRACTOR = IdentifierExtractor.standard();

    private Identifiers() {}

    /** A phone number read in {@code defaultRegion} (the child's country, ISO 3166 alpha-2). */
    public static Parsed<Phone> phone(String text, String defaultRegion) {
        return Phones.parse(text, defaultRegion);
    }

    /** An e-mail address, with its provider variants. */
    public static Parsed<Email> email(String text) {
        return Emails.parse(text);
    }

    /** A profile link (or any web address) to an account, a phone ({@code wa.me}) or a URL identifier. */
    public static Parsed<Identifier> link(String text) {
        return ProfileLinks.parse(text);
    }

    /**
     * A handle on {@code platform} ({@code null}: unknown). On WhatsApp the handle is a phone number read in
     * {@code defaultRegion}.
     */
    public static Parsed<Identifier> handle(@Nullable Platform platform, String text, String defaultRegion) {
        if (platform == Platform.WHATSAPP) {
            return Phones.parse(text, defaultRegion).map(Phone::identifier);
        }
        return Handles.parse(platform, text);
    }

    /**
     * One identifier of a declared kind, as a parent types it in a form: {@code kind} PHONE reads {@code text} in
     * {@code defaultRegion}; ACCOUNT accepts a handle or a profile link (a link's platform wins); URL accepts any web
     * address (profile links give accounts).
     */
    public static Parsed<Identifier> normalise(
            IdentifierKind kind, @Nullable Platform platform, String text, String defaultRegion) {
        return switch (kind) {
            case PHONE -> Phones.parse(text, defaultRegion).map(Phone::identifier);
            case EMAIL -> Emails.parse(text).map(Email::identifier);
            case URL -> ProfileLinks.parse(text);
            case ACCOUNT -> looksLikeLink(text) ? ProfileLinks.parse(text) : handle(platform, text, defaultRegion);
        };
    }

    /** All identifiers in a free text (a report, OCR text), with positions; see {@link IdentifierExtractor}. */
    public static List<Found> extract(CharSequence text, String defaultRegion) {
        return EXTRACTOR.extract(text, defaultRegion);
    }

    /** All identifiers in a chat message sent on {@code chatPlatform}, whose bare {@code @mentions} are its accounts. */
    public static List<Found> extract(CharSequence text, String defaultRegion, @Nullable Platform chatPlatform) {
        return EXTRACTOR.extract(text, defaultRegion, chatPlatform);
    }

    private static boolean looksLikeLink(String text) {
        String t = text.strip().toLowerCase(java.util.Locale.ROOT);
        if (t.startsWith("http://") || t.startsWith("https://") || t.startsWith("www.")) {
            return true;
        }
        int slash = t.indexOf('/');
        return slash > 0 && ProfileLinks.isPlatformHost(t.substring(0, slash));
    }
}
