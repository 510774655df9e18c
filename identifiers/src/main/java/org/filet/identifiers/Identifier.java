package org.filet.identifiers;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A normalised identifier: its kind, its platform when known, its normalised value and the original text it was read
 * from. Two identifiers are equal when kind, platform and value are equal; the original text is kept for display to
 * authorised users and plays no part in equality. {@code toString} shows the kind, the platform and a short hash,
 * never the value.
 *
 * <p>Instances come from the normalisers ({@link Identifiers}); {@link #restore} rebuilds one from stored fields.
 */
public final class Identifier {

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{2,14}");
    private static final Pattern NO_SPACE = Pattern.compile("\\S{1,2048}");
    private static final Pattern HTTPS = Pattern.compile("https://[a-z0-9.-]+(?::[0-9]{1,5})?(?:[/?]\\S*)?");

    private final IdentifierKind kind;
    private final @Nullable Platform platform;
    private final String value;
    private final String original;

    private Identifier(IdentifierKind kind, @Nullable Platform platform, String value, String original) {
        this.kind = kind;
        this.platform = platform;
        this.value = value;
        this.original = original;
    }

    /**
     * The identifier for a value a normaliser of this package produced, or {@code otherwise} when the value does not have
     * the stored shape (an E.164 value longer than 15 digits that libphonenumber still calls possible, for instance).
     * Normalisers go through here so that no text, however odd, makes them throw.
     */
    static Parsed<Identifier> checked(
            IdentifierKind kind, @Nullable Platform platform, String value, String original, Rejection otherwise) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(original, "original");
        if (!hasShape(kind, platform, value)) {
            return Parsed.rejected(otherwise);
        }
        return Parsed.ok(new Identifier(kind, platform, value, original));
    }

    /**
     * Rebuilds an identifier from stored fields (kind, platform, value as returned by {@link #value()}). Requires
     * the value to have been produced by this package; returns a named error when its shape is wrong.
     */
    public static Parsed<Identifier> restore(
            IdentifierKind kind, @Nullable Platform platform, String value, String original) {
        if (value.isEmpty()) {
            return Parsed.rejected(Rejection.EMPTY);
        }
        if (!hasShape(kind, platform, value)) {
            return Parsed.rejected(
                    switch (kind) {
                        case PHONE -> Rejection.NOT_A_PHONE_NUMBER;
                        case EMAIL -> Rejection.EMAIL_MALFORMED;
                        case ACCOUNT -> Rejection.HANDLE_INVALID;
                        case URL -> Rejection.URL_MALFORMED;
                    });
        }
        return Parsed.ok(new Identifier(kind, platform, value, original));
    }

    private static boolean hasShape(IdentifierKind kind, @Nullable Platform platform, String value) {
        return switch (kind) {
            case PHONE -> platform == null && E164.matcher(value).matches();
            case EMAIL ->
                platform == null
                        && NO_SPACE.matcher(value).matches()
                        && value.indexOf('@') > 0
                        && value.indexOf('@') == value.lastIndexOf('@')
                        && value.indexOf('@') < value.length() - 3;
            case ACCOUNT -> value.length() <= 128 && Handles.isStoredForm(platform, value);
            case URL -> platform == null && HTTPS.matcher(value).matches();
        };
    }

    public IdentifierKind kind() {
        return kind;
    }

    /** The platform, empty for phones, e-mails, plain web addresses and handles seen without a platform. */
    public Optional<Platform> platform() {
        return Optional.ofNullable(platform);
    }

    /** The normalised value: E.164, folded e-mail, account value (see {@link Platform}) or https address. */
    public String value() {
        return value;
    }

    /** The text this identifier was read from, unchanged. */
    public String original() {
        return original;
    }

    /**
     * A stable key for storage and joins: {@code KIND/platform/value} ({@code ACCOUNT/snapchat/alicia_12},
     * {@code PHONE//+15555550100}).
     */
    public String key() {
        return kind.name() + "/" + (platform == null ? "" : platform.code()) + "/" + value;
    }

    /** First 8 hex digits of SHA-256 of {@link #key()}: enough to tell identifiers apart in logs, not to recover them. */
    public String shortHash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Identifier other
                && kind == other.kind
                && platform == other.platform
                && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, platform, value);
    }

    @Override
    public String toString() {
        return "Identifier[" + kind + (platform == null ? "" : "/" + platform) + " #" + shortHash() + "]";
    }
}
