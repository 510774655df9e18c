package org.filet.identifiers;

import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Platforms whose accounts we normalise, with their username rules. Usernames on every platform here are
 * case-insensitive and stored lower-case; the only case-sensitive account values are YouTube channel ids
 * ({@code channel:UC…}). Numeric account ids that share no namespace with usernames are stored as {@code id:<digits>}
 * (Facebook, Discord, Roblox, X); YouTube's legacy names are {@code c:<name>} and {@code user:<name>}. Messenger
 * ({@code m.me}) shares Facebook's accounts and maps to {@link #FACEBOOK}; WhatsApp accounts are phone numbers.
 */
public enum Platform {
    /** 1–30 of {@code a-z 0-9 . _}, no leading, trailing or doubled dot. */
    INSTAGRAM("instagram", "(?!\\.)(?!.*\\.\\.)[a-z0-9._]{1,30}(?<!\\.)"),
    /**
     * 5–50 of {@code a-z 0-9 .} with at least one letter; stored without dots, which Facebook does not count as part of
     * a username ({@code fake.person} is {@code fakeperson}); all-digit values are profile ids.
     */
    FACEBOOK("facebook", "(?=.*[a-z])[a-z0-9.]{5,50}"),
    /** 3–15, starts with a letter, {@code a-z 0-9 . _ -}, ends with a letter or digit. */
    SNAPCHAT("snapchat", "[a-z][a-z0-9._-]{1,13}[a-z0-9]"),
    /** 2–24 of {@code a-z 0-9 . _}, not ending with a dot. */
    TIKTOK("tiktok", "[a-z0-9._]{1,23}[a-z0-9_]"),
    /** 1–15 of {@code a-z 0-9 _} (old accounts may be shorter than today's minimum of 4). */
    X("x", "[a-z0-9_]{1,15}"),
    /** New-style usernames: 2–32 of {@code a-z 0-9 . _}, no doubled dot; 17–20 digit values are user ids. */
    DISCORD("discord", "(?!.*\\.\\.)[a-z0-9._]{2,32}"),
    /** 5–32, starts with a letter, {@code a-z 0-9 _}, not ending with an underscore. */
    TELEGRAM("telegram", "[a-z][a-z0-9_]{3,30}[a-z0-9]"),
    /** Accounts are phone numbers; no usernames. */
    WHATSAPP("whatsapp", "(?!)"),
    /** Handles: 3–30 of {@code a-z 0-9 . _ -}. */
    YOUTUBE("youtube", "[a-z0-9._-]{3,30}"),
    /** 4–25 of {@code a-z 0-9 _}, not starting with an underscore. */
    TWITCH("twitch", "[a-z0-9][a-z0-9_]{3,24}"),
    /** 3–20 of {@code a-z 0-9 _}, at most one underscore, not at either end. */
    ROBLOX("roblox", "(?!_)(?!.*_.*_)[a-z0-9_]{3,20}(?<!_)"),
    /** 3–20 of {@code a-z 0-9 _ -}. */
    REDDIT("reddit", "[a-z0-9_-]{3,20}"),
    /** 6–20 of {@code a-z 0-9 . _}. */
    KIK("kik", "[a-z0-9._]{6,20}");

    private final String code;
    private final Pattern username;

    Platform(String code, String usernameRegex) {
        this.code = code;
        this.username = Pattern.compile(usernameRegex);
    }

    /** Lower-case stable code, for storage and files ({@code snapchat}). */
    public String code() {
        return code;
    }

    /** Usernames on this platform are compared case-insensitively (true for all platforms listed). */
    public boolean caseInsensitiveUsernames() {
        return true;
    }

    /** Requires a lower-cased candidate without the leading {@code @}. */
    boolean isUsername(String lowerCased) {
        return username.matcher(lowerCased).matches();
    }

    /** The platform with this code, case-insensitive, or {@code null}. */
    public static @Nullable Platform fromCode(String code) {
        String c = code.trim().toLowerCase(Locale.ROOT);
        for (Platform p : values()) {
            if (p.code.equals(c)) {
                return p;
            }
        }
        return c.equals("twitter") ? X : null;
    }
}
