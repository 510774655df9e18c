package org.filet.identifiers;

import java.util.Locale;
import java.util.Map;

/**
 * Profile links to (platform, account), for Instagram, Facebook and Messenger, Snapchat, TikTok, X/Twitter, Discord,
 * Telegram, WhatsApp ({@code wa.me}: a {@link IdentifierKind#PHONE}), YouTube, Twitch, Roblox, Reddit and Kik. Links
 * to posts, invitations, communities and platform pages are rejected with the reason; addresses on other hosts give a
 * {@link IdentifierKind#URL}. Thread-safe.
 */
public final class ProfileLinks {

    private static final Map<String, Platform> HOSTS = Map.ofEntries(
            Map.entry("instagram.com", Platform.INSTAGRAM),
            Map.entry("instagr.am", Platform.INSTAGRAM),
            Map.entry("facebook.com", Platform.FACEBOOK),
            Map.entry("fb.com", Platform.FACEBOOK),
            Map.entry("m.me", Platform.FACEBOOK),
            Map.entry("messenger.com", Platform.FACEBOOK),
            Map.entry("snapchat.com", Platform.SNAPCHAT),
            Map.entry("tiktok.com", Platform.TIKTOK),
            Map.entry("x.com", Platform.X),
            Map.entry("twitter.com", Platform.X),
            Map.entry("discord.com", Platform.DISCORD),
            Map.entry("discordapp.com", Platform.DISCORD),
            Map.entry("t.me", Platform.TELEGRAM),
            Map.entry("telegram.me", Platform.TELEGRAM),
            Map.entry("telegram.dog", Platform.TELEGRAM),
            Map.entry("wa.me", Platform.WHATSAPP),
            Map.entry("api.whatsapp.com", Platform.WHATSAPP),
            Map.entry("whatsapp.com", Platform.WHATSAPP),
            Map.entry("youtube.com", Platform.YOUTUBE),
            Map.entry("twitch.tv", Platform.TWITCH),
            Map.entry("roblox.com", Platform.ROBLOX),
            Map.entry("reddit.com", Platform.REDDIT),
            Map.entry("kik.me", Platform.KIK));

    private static final Map<String, Rejection> OTHER_HOSTS = Map.of(
            "vm.tiktok.com",
            Rejection.URL_SHORT_LINK,
            "vt.tiktok.com",
            Rejection.URL_SHORT_LINK,
            "t.co",
            Rejection.URL_SHORT_LINK,
            "fb.me",
            Rejection.URL_SHORT_LINK,
            "redd.it",
            Rejection.URL_SHORT_LINK,
            "youtu.be",
            Rejection.URL_POST_OR_MEDIA,
            "discord.gg",
            Rejection.URL_INVITE_LINK,
            "chat.whatsapp.com",
            Rejection.URL_INVITE_LINK);

    private ProfileLinks() {}

    /**
     * The account a link names, or a {@link IdentifierKind#URL} for other hosts, or why it names no account. Accepts
     * links without scheme ({@code instagram.com/alicia}); ignores {@code www.}, {@code m.}, {@code mobile.} hosts,
     * trailing slashes, fragments and query parameters other than those that carry the account.
     */
    public static Parsed<Identifier> parse(String text) {
        String s = text.strip();
        if (s.isEmpty()) {
            return Parsed.rejected(Rejection.EMPTY);
        }
        if (s.length() > 2048) {
            return Parsed.rejected(Rejection.TOO_LONG);
        }
        WebAddress url = WebAddress.parse(s);
        if (url == null) {
            return Parsed.rejected(Rejection.URL_MALFORMED);
        }
        String host = url.platformHost();
        Rejection other = OTHER_HOSTS.get(host);
        if (other != null) {
            return Parsed.rejected(other);
        }
        Platform platform = HOSTS.get(host);
        if (platform == null) {
            return Identifier.checked(IdentifierKind.URL, null, url.normalised(), text, Rejection.URL_MALFORMED);
        }
        if (host.equals("m.me") || host.equals("messenger.com")) {
            return PlatformPaths.messenger(url, text);
        }
        return PlatformPaths.account(platform, url, text);
    }

    /** Whether {@code host} (lower-case, without {@code www.}) belongs to a platform we read links of. */
    static boolean isPlatformHost(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return HOSTS.containsKey(h) || OTHER_HOSTS.containsKey(h);
    }
}
