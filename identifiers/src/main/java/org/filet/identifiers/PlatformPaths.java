package org.filet.identifiers;

import java.util.Set;

/** Per-platform reading of a profile link's path: which segment names the account, which paths are not accounts. */
final class PlatformPaths {

    private static final Set<String> INSTAGRAM_RESERVED = Set.of(
            "explore",
            "accounts",
            "direct",
            "about",
            "developer",
            "legal",
            "web",
            "challenge",
            "emails",
            "session",
            "api",
            "graphql",
            "privacy",
            "terms",
            "directory",
            "locations",
            "login",
            "signup",
            "oauth",
            "press",
            "help",
            "download",
            "nametag");
    private static final Set<String> INSTAGRAM_MEDIA = Set.of("p", "reel", "reels", "tv", "s");
    private static final Set<String> FACEBOOK_RESERVED = Set.of(
            "login",
            "login.php",
            "home.php",
            "help",
            "settings",
            "search",
            "hashtag",
            "policies",
            "privacy",
            "messages",
            "notifications",
            "friends",
            "bookmarks",
            "saved",
            "dialog",
            "plugins",
            "l.php",
            "tr",
            "marketplace",
            "gaming",
            "watch",
            "events",
            "fundraisers",
            "ads",
            "business",
            "recover",
            "reg",
            "r.php",
            "terms",
            "legal",
            "about",
            "careers",
            "pages",
            "public");
    private static final Set<String> FACEBOOK_MEDIA = Set.of(
            "photo.php",
            "photo",
            "photos",
            "story.php",
            "permalink.php",
            "posts",
            "videos",
            "video.php",
            "reel",
            "reels",
            "sharer",
            "sharer.php",
            "stories");
    private static final Set<String> TIKTOK_RESERVED = Set.of(
            "discover",
            "tag",
            "music",
            "explore",
            "foryou",
            "following",
            "live",
            "search",
            "login",
            "signup",
            "upload",
            "setting",
            "friends",
            "legal",
            "about");
    private static final Set<String> X_RESERVED = Set.of(
            "home",
            "search",
            "explore",
            "notifications",
            "messages",
            "i",
            "settings",
            "intent",
            "share",
            "hashtag",
            "login",
            "logout",
            "signup",
            "tos",
            "privacy",
            "compose",
            "jobs",
            "about",
            "download",
            "account",
            "search-advanced",
            "lists",
            "bookmarks",
            "communities",
            "premium",
            "help",
            "status");
    private static final Set<String> TELEGRAM_RESERVED = Set.of(
            "addstickers",
            "addemoji",
            "share",
            "proxy",
            "socks",
            "iv",
            "login",
            "setlanguage",
            "addlist",
            "addtheme",
            "bg",
            "confirmphone",
            "boost",
            "invoice",
            "contact");
    private static final Set<String> YOUTUBE_MEDIA =
            Set.of("watch", "shorts", "live", "embed", "playlist", "v", "clip", "post");
    private static final Set<String> YOUTUBE_RESERVED = Set.of(
            "results",
            "feed",
            "hashtag",
            "premium",
            "account",
            "gaming",
            "about",
            "t",
            "redirect",
            "signin",
            "logout",
            "upload",
            "kids",
            "music",
            "howyoutubeworks",
            "creators",
            "ads",
            "channels",
            "attribution_link",
            "supported_browsers",
            "s");
    private static final Set<String> TWITCH_RESERVED = Set.of(
            "directory",
            "search",
            "settings",
            "subscriptions",
            "inventory",
            "wallet",
            "friends",
            "messages",
            "downloads",
            "jobs",
            "turbo",
            "p",
            "prime",
            "store",
            "drops",
            "login",
            "signup",
            "following",
            "moderator",
            "popout",
            "broadcast",
            "dashboard",
            "team",
            "event");
    private static final Set<String> ROBLOX_RESERVED = Set.of(
            "games",
            "catalog",
            "home",
            "discover",
            "charts",
            "develop",
            "my",
            "login",
            "search",
            "bundles",
            "badges",
            "game-pass",
            "upgrades",
            "premium",
            "trades",
            "transactions",
            "info",
            "giftcards",
            "redeem",
            "support",
            "create");

    private PlatformPaths() {}

    static Parsed<Identifier> account(Platform platform, WebAddress url, String original) {
        String first = url.segmentLower(0);
        if (first.isEmpty()
                && platform != Platform.WHATSAPP
                && platform != Platform.X
                && platform != Platform.FACEBOOK
                && platform != Platform.ROBLOX) {
            return Parsed.rejected(Rejection.URL_NOT_A_PROFILE);
        }
        return switch (platform) {
            case INSTAGRAM -> instagram(url, first, original);
            case FACEBOOK -> facebook(url, first, original);
            case SNAPCHAT -> snapchat(url, first, original);
            case TIKTOK ->
                first.startsWith("@")
                        ? Handles.parse(platform, url.segment(0), original)
                        : first.equals("t")
                                ? Parsed.rejected(Rejection.URL_SHORT_LINK)
                                : rejected(first, TIKTOK_RESERVED, Set.of("v", "video", "embed"));
            case X -> x(url, first, original);
            case DISCORD -> discord(url, first, original);
            case TELEGRAM -> telegram(url, first, original);
            case WHATSAPP -> whatsapp(url, first, original);
            case YOUTUBE -> youtube(url, first, original);
            case TWITCH ->
                first.equals("videos")
                        ? Parsed.rejected(Rejection.URL_POST_OR_MEDIA)
                        : handle(platform, url.segment(0), TWITCH_RESERVED, original);
            case ROBLOX -> roblox(url, first, original);
            case REDDIT ->
                (first.equals("u") || first.equals("user"))
                        ? Handles.parse(platform, url.segment(1), original)
                        : Parsed.rejected(first.equals("r") ? Rejection.URL_COMMUNITY : Rejection.URL_RESERVED_PATH);
            case KIK -> Handles.parse(platform, url.segment(0), original);
        };
    }

    static Parsed<Identifier> messenger(WebAddress url, String original) {
        int i = url.host().endsWith("messenger.com") && url.segmentLower(0).equals("t") ? 1 : 0;
        String name = url.segmentLower(i);
        if (name.isEmpty()) {
            return Parsed.rejected(Rejection.URL_NOT_A_PROFILE);
        }
        if (i == 0 && (name.equals("j") || name.equals("ch"))) {
            return Parsed.rejected(Rejection.URL_INVITE_LINK);
        }
        return Handles.parse(Platform.FACEBOOK, name, original);
    }

    private static Parsed<Identifier> instagram(WebAddress url, String first, String original) {
        if ((first.equals("stories") || first.equals("_u"))
                && !url.segment(1).isEmpty()
                && !url.segmentLower(1).equals("highlights")) {
            return Handles.parse(Platform.INSTAGRAM, url.segment(1), original);
        }
        return handle(Platform.INSTAGRAM, url.segment(0), INSTAGRAM_RESERVED, INSTAGRAM_MEDIA, original);
    }

    private static Parsed<Identifier> facebook(WebAddress url, String first, String original) {
        if (first.equals("profile.php")) {
            String id = url.query().getOrDefault("id", "");
            return id.isEmpty()
                    ? Parsed.rejected(Rejection.URL_NOT_A_PROFILE)
                    : Handles.numericId(Platform.FACEBOOK, id, original);
        }
        if (first.equals("people") && url.segments().size() >= 3) {
            return Handles.numericId(Platform.FACEBOOK, url.segment(2), original);
        }
        if (first.equals("groups")) {
            return Parsed.rejected(Rejection.URL_COMMUNITY);
        }
        if (first.equals("share")) {
            return Parsed.rejected(Rejection.URL_SHORT_LINK);
        }
        if (first.isEmpty()) {
            return Parsed.rejected(Rejection.URL_NOT_A_PROFILE);
        }
        return handle(Platform.FACEBOOK, url.segment(0), FACEBOOK_RESERVED, FACEBOOK_MEDIA, original);
    }

    private static Parsed<Identifier> snapchat(WebAddress url, String first, String original) {
        if (first.equals("add") && !url.segment(1).isEmpty()) {
            return Handles.parse(Platform.SNAPCHAT, url.segment(1), original);
        }
        if (first.startsWith("@")) {
            return Handles.parse(Platform.SNAPCHAT, url.segment(0), original);
        }
        if (first.equals("t")) {
            return Parsed.rejected(Rejection.URL_SHORT_LINK);
        }
        return rejected(first, Set.of(), Set.of("spotlight", "discover", "lens", "unlock", "p"));
    }

    private static Parsed<Identifier> x(WebAddress url, String first, String original) {
        if (first.equals("i")
                && url.segmentLower(1).equals("user")
                && !url.segment(2).isEmpty()) {
            return Handles.numericId(Platform.X, url.segment(2), original);
        }
        if (first.equals("intent")
                && (url.segmentLower(1).equals("user") || url.segmentLower(1).equals("follow"))) {
            String name = url.query().getOrDefault("screen_name", "");
            String id = url.query().getOrDefault("user_id", "");
            if (!name.isEmpty()) {
                return Handles.parse(Platform.X, name, original);
            }
            if (!id.isEmpty()) {
                return Handles.numericId(Platform.X, id, original);
            }
        }
        if (first.isEmpty()) {
            return Parsed.rejected(Rejection.URL_NOT_A_PROFILE);
        }
        return handle(Platform.X, url.segment(0), X_RESERVED, original);
    }

    private static Parsed<Identifier> discord(WebAddress url, String first, String original) {
        if (first.equals("users") && url.segment(1).matches("[0-9]{17,20}")) {
            return Handles.numericId(Platform.DISCORD, url.segment(1), original);
        }
        if (first.equals("invite")) {
            return Parsed.rejected(Rejection.URL_INVITE_LINK);
        }
        return Parsed.rejected(first.equals("channels") ? Rejection.URL_POST_OR_MEDIA : Rejection.URL_NOT_A_PROFILE);
    }

    private static Parsed<Identifier> telegram(WebAddress url, String first, String original) {
        if (first.equals("joinchat") || first.startsWith("+")) {
            return Parsed.rejected(Rejection.URL_INVITE_LINK);
        }
        if (first.equals("c")) {
            return Parsed.rejected(Rejection.URL_POST_OR_MEDIA);
        }
        if (first.equals("s") && !url.segment(1).isEmpty()) {
            return Handles.parse(Platform.TELEGRAM, url.segment(1), original);
        }
        return handle(Platform.TELEGRAM, url.segment(0), TELEGRAM_RESERVED, original);
    }

    private static Parsed<Identifier> whatsapp(WebAddress url, String first, String original) {
        String number = "";
        if (url.host().equals("wa.me") && first.matches("\\+?[0-9]{6,15}")) {
            number = first;
        } else if (first.equals("send") || url.host().equals("api.whatsapp.com")) {
            number = url.query().getOrDefault("phone", "").strip();
        }
        if (first.equals("message") || first.equals("qr")) {
            return Parsed.rejected(Rejection.URL_SHORT_LINK);
        }
        if (number.isEmpty()) {
            return Parsed.rejected(Rejection.URL_NOT_A_PROFILE);
        }
        String international = number.startsWith("+") ? number : "+" + number;
        return Phones.parse(international, "ZZ")
                .flatMap(phone -> Identifier.checked(
                        IdentifierKind.PHONE, null, phone.e164(), original, Rejection.NOT_A_PHONE_NUMBER));
    }

    private static Parsed<Identifier> youtube(WebAddress url, String first, String original) {
        if (first.startsWith("@")) {
            return Handles.parse(Platform.YOUTUBE, url.segment(0), original);
        }
        switch (first) {
            case "channel":
                return Handles.youtubeChannel(url.segment(1), original);
            case "c":
            case "user":
                return Handles.youtubeLegacy(first, url.segment(1), original);
            default:
                if (YOUTUBE_MEDIA.contains(first)) {
                    return Parsed.rejected(Rejection.URL_POST_OR_MEDIA);
                }
                if (YOUTUBE_RESERVED.contains(first)) {
                    return Parsed.rejected(Rejection.URL_RESERVED_PATH);
                }
                return Handles.youtubeLegacy("c", url.segment(0), original);
        }
    }

    private static Parsed<Identifier> roblox(WebAddress url, String first, String original) {
        if (first.equals("users") && url.segment(1).matches("[0-9]{1,19}")) {
            return Handles.numericId(Platform.ROBLOX, url.segment(1), original);
        }
        if (first.equals("user.aspx") && url.query().containsKey("id")) {
            return Handles.numericId(Platform.ROBLOX, url.query().get("id"), original);
        }
        if (first.equals("groups") || first.equals("communities")) {
            return Parsed.rejected(Rejection.URL_COMMUNITY);
        }
        return first.isEmpty() || !ROBLOX_RESERVED.contains(first)
                ? Parsed.rejected(Rejection.URL_NOT_A_PROFILE)
                : Parsed.rejected(Rejection.URL_RESERVED_PATH);
    }

    private static Parsed<Identifier> handle(Platform platform, String segment, Set<String> reserved, String original) {
        return handle(platform, segment, reserved, Set.of(), original);
    }

    private static Parsed<Identifier> handle(
            Platform platform, String segment, Set<String> reserved, Set<String> media, String original) {
        String lower = segment.toLowerCase(java.util.Locale.ROOT);
        if (reserved.contains(lower) || media.contains(lower)) {
            return rejected(lower, reserved, media);
        }
        return Handles.parse(platform, segment, original);
    }

    private static <T> Parsed<T> rejected(String first, Set<String> reserved, Set<String> media) {
        return Parsed.rejected(
                media.contains(first)
                        ? Rejection.URL_POST_OR_MEDIA
                        : reserved.contains(first) ? Rejection.URL_RESERVED_PATH : Rejection.URL_NOT_A_PROFILE);
    }
}
