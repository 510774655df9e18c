package org.filet.identifiers;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Plain handles ({@code @Alicia_12}) to accounts, by the platform's username rules ({@link Platform}), after NFKC
 * (full-width and styled letters from screenshots become plain ones). A handle seen without any platform gives an
 * {@link IdentifierKind#ACCOUNT} with no platform, which links only weakly; it needs a letter.
 * Thread-safe.
 */
public final class Handles {

    /** A letter, 2–40 characters, and not a time of day ({@code @18h30}, {@code @7pm}). */
    private static final Pattern ANY_PLATFORM =
            Pattern.compile("(?![0-9]{1,2}(?:h[0-9]{0,2}|am|pm)$)(?=.*[a-z])[a-z0-9._-]{2,40}");

    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,20}");
    private static final Pattern YOUTUBE_CHANNEL = Pattern.compile("UC[A-Za-z0-9_-]{22}");
    private static final Pattern YOUTUBE_LEGACY = Pattern.compile("[a-z0-9._-]{1,100}");

    private Handles() {}

    /**
     * Normalises a handle on {@code platform} ({@code null}: unknown). A leading {@code @} (or Reddit's {@code u/})
     * and surrounding spaces are dropped; all-digit values are account ids on Facebook (5+ digits) and Discord (17–20
     * digits). WhatsApp accounts are phone numbers: use {@link Phones}.
     */
    public static Parsed<Identifier> parse(@Nullable Platform platform, String text) {
        return parse(platform, text, text);
    }

    static Parsed<Identifier> parse(@Nullable Platform platform, String handle, String original) {
        String h = Normalizer.normalize(handle, Normalizer.Form.NFKC).strip();
        if (h.startsWith("@")) {
            h = h.substring(1);
        } else if (platform == Platform.REDDIT && (h.startsWith("u/") || h.startsWith("/u/"))) {
            h = h.substring(h.indexOf('/', 1) + 1);
        }
        if (h.isEmpty()) {
            return Parsed.rejected(Rejection.EMPTY);
        }
        if (h.length() > 64) {
            return Parsed.rejected(Rejection.TOO_LONG);
        }
        if (platform == Platform.WHATSAPP) {
            return Parsed.rejected(Rejection.PLATFORM_NEEDS_PHONE);
        }
        String lower = h.toLowerCase(Locale.ROOT);
        if (platform != null && h.indexOf(':') > 0) {
            // a stored account value (id:…, channel:…, c:…, user:…) normalises to itself
            String stored = h.startsWith("channel:") ? h : lower;
            return isStoredForm(platform, stored)
                    ? account(platform, stored, original)
                    : Parsed.rejected(Rejection.HANDLE_INVALID);
        }
        if (platform == null) {
            return ANY_PLATFORM.matcher(lower).matches()
                    ? account(null, lower, original)
                    : Parsed.rejected(Rejection.HANDLE_INVALID);
        }
        if ((platform == Platform.FACEBOOK && lower.length() >= 5
                        || platform == Platform.DISCORD && lower.length() >= 17)
                && DIGITS.matcher(lower).matches()) {
            return numericId(platform, lower, original);
        }
        String value = platform == Platform.FACEBOOK ? lower.replace(".", "") : lower;
        return platform.isUsername(value)
                ? account(platform, value, original)
                : Parsed.rejected(Rejection.HANDLE_INVALID);
    }

    /** A numeric account id ({@code id:<digits>}); requires a platform with numeric ids. */
    static Parsed<Identifier> numericId(Platform platform, String digits, String original) {
        if (!DIGITS.matcher(digits).matches() || digits.chars().allMatch(c -> c == '0')) {
            return Parsed.rejected(Rejection.HANDLE_INVALID);
        }
        String trimmed = digits.replaceFirst("^0+", "");
        return account(platform, "id:" + trimmed, original);
    }

    /** A YouTube channel id ({@code UC} + 22 characters), kept case-sensitive. */
    static Parsed<Identifier> youtubeChannel(String id, String original) {
        return YOUTUBE_CHANNEL.matcher(id).matches()
                ? account(Platform.YOUTUBE, "channel:" + id, original)
                : Parsed.rejected(Rejection.HANDLE_INVALID);
    }

    /** A legacy YouTube name, {@code c:<name>} or {@code user:<name>}. */
    static Parsed<Identifier> youtubeLegacy(String prefix, String name, String original) {
        String lower = name.toLowerCase(Locale.ROOT);
        return YOUTUBE_LEGACY.matcher(lower).matches()
                ? account(Platform.YOUTUBE, prefix + ":" + lower, original)
                : Parsed.rejected(Rejection.HANDLE_INVALID);
    }

    /** Whether {@code value} is an account value this class produces for {@code platform} (for stored values). */
    static boolean isStoredForm(@Nullable Platform platform, String value) {
        if (platform == null) {
            return ANY_PLATFORM.matcher(value).matches();
        }
        if (value.startsWith("id:")) {
            String digits = value.substring(3);
            return (platform == Platform.FACEBOOK
                            || platform == Platform.DISCORD
                            || platform == Platform.ROBLOX
                            || platform == Platform.X)
                    && DIGITS.matcher(digits).matches()
                    && !digits.startsWith("0");
        }
        if (platform == Platform.YOUTUBE) {
            if (value.startsWith("channel:")) {
                return YOUTUBE_CHANNEL.matcher(value.substring(8)).matches();
            }
            if (value.startsWith("c:") || value.startsWith("user:")) {
                return YOUTUBE_LEGACY
                        .matcher(value.substring(value.indexOf(':') + 1))
                        .matches();
            }
        }
        return platform.isUsername(value) && (platform != Platform.FACEBOOK || value.indexOf('.') < 0);
    }

    private static Parsed<Identifier> account(@Nullable Platform platform, String value, String original) {
        return Identifier.checked(IdentifierKind.ACCOUNT, platform, value, original, Rejection.HANDLE_INVALID);
    }
}
