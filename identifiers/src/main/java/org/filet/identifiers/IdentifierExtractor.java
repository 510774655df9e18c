package org.filet.identifiers;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil.Leniency;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Finds identifiers in free text (reports, OCR text, chat messages): web addresses and profile links, e-mail
 * addresses, phone numbers (libphonenumber's {@code findNumbers} in the default region) and handles, each with its
 * position. A handle needs an {@code @} or an explicit "platform: name"; a display name alone never gives an
 * identifier. Spans do not overlap: links first, then e-mails, handles, phone numbers. Thread-safe.
 */
public final class IdentifierExtractor {

    private static final String URL_CHARS = "[^\\s<>\"'«»“”‘’]";
    private static final Pattern LINK = Pattern.compile("(?i)(?:\\bh(?:tt|xx)ps?(?:://|\\[://\\]|\\[:\\]//)"
            + "|(?<![\\w.@/-])www(?:\\.|\\[\\.\\]))" + URL_CHARS + "+"
            + "|(?<![\\w.@/-])(?:[a-z0-9-]+\\.)*(?:instagram\\.com|instagr\\.am|facebook\\.com|fb\\.com|m\\.me"
            + "|messenger\\.com|snapchat\\.com|tiktok\\.com|x\\.com|twitter\\.com|discord\\.com|discord\\.gg|t\\.me"
            + "|telegram\\.me|wa\\.me|youtube\\.com|youtu\\.be|twitch\\.tv|roblox\\.com|reddit\\.com|kik\\.me)/"
            + URL_CHARS + "*");
    private static final Pattern EMAIL = Pattern.compile(
            "(?<![\\p{L}\\p{N}._%+-])[\\p{L}\\p{N}._%+-]{1,64}@[\\p{L}\\p{N}-]{1,63}(?:\\.[\\p{L}\\p{N}-]{1,63})+");
    private static final String DOT = "(?:\\s*[\\[({]\\s*(?:dot|point|\\.)\\s*[\\])}]\\s*|\\.)";
    /** {@code fake.user [at] example [dot] org}, {@code fake.user(at)example.org}, {@code fake.user {arobase} x.fr}. */
    private static final Pattern OBFUSCATED_EMAIL = Pattern.compile("(?iu)(?<![\\p{L}\\p{N}._%+-])"
            + "([\\p{L}\\p{N}._%+-]{1,64})\\s*[\\[({]\\s*(?:at|@|arobase)\\s*[\\])}]\\s*"
            + "([\\p{L}\\p{N}-]{1,63}(?:" + DOT + "[\\p{L}\\p{N}-]{1,63})+)");

    private static final Pattern OBFUSCATED_DOT = Pattern.compile("(?iu)" + DOT);
    private static final Pattern AT_HANDLE = Pattern.compile("(?<![\\p{L}\\p{N}_@./])@([A-Za-z0-9._-]{1,40})");
    /** WhatsApp shows a mention as {@code @} and the member's international number without {@code +}. */
    private static final Pattern WHATSAPP_MENTION = Pattern.compile("@[1-9][0-9]{7,14}");

    private static final String PLATFORM_WORDS = "snapchat|snap|instagram|insta|ig|tiktok|tik tok|twitter|discord"
            + "|telegram|kik|roblox|twitch|reddit|facebook|fb|messenger|youtube|yt|whatsapp|wa|tel|t[ée]l[ée]phone|phone";
    private static final Pattern PLATFORM =
            Pattern.compile("(?iu)(?<![\\p{L}\\p{N}])(" + PLATFORM_WORDS + ")(?![\\p{L}\\p{N}])");
    /** After a platform word: a separator and the name ({@code : alicia_12}, {@code c'est lea.v_09}). */
    private static final Pattern NAMED_TAIL = Pattern.compile(
            "(?iu)\\s*(:|=|(?:c'est|c’est|est|is|it's|it’s)" + "(?![\\p{L}\\p{N}]))\\s*@?([A-Za-z0-9._-]{2,40})");

    private static final Set<String> NAMED_WORDS = Set.of(
            "snapchat",
            "snap",
            "instagram",
            "insta",
            "ig",
            "tiktok",
            "twitter",
            "discord",
            "telegram",
            "kik",
            "roblox",
            "twitch",
            "reddit");
    private static final Map<String, Platform> WORDS = Map.ofEntries(
            Map.entry("snapchat", Platform.SNAPCHAT),
            Map.entry("snap", Platform.SNAPCHAT),
            Map.entry("instagram", Platform.INSTAGRAM),
            Map.entry("insta", Platform.INSTAGRAM),
            Map.entry("ig", Platform.INSTAGRAM),
            Map.entry("tiktok", Platform.TIKTOK),
            Map.entry("tik tok", Platform.TIKTOK),
            Map.entry("twitter", Platform.X),
            Map.entry("discord", Platform.DISCORD),
            Map.entry("telegram", Platform.TELEGRAM),
            Map.entry("kik", Platform.KIK),
            Map.entry("roblox", Platform.ROBLOX),
            Map.entry("twitch", Platform.TWITCH),
            Map.entry("reddit", Platform.REDDIT),
            Map.entry("facebook", Platform.FACEBOOK),
            Map.entry("fb", Platform.FACEBOOK),
            Map.entry("messenger", Platform.FACEBOOK),
            Map.entry("youtube", Platform.YOUTUBE),
            Map.entry("yt", Platform.YOUTUBE));
    private static final int CONTEXT_BEFORE = 40;
    private static final int CONTEXT_AFTER = 25;
    private static final String LINK_TRAILING = ".,;:!?)]}>*";
    private static final String HANDLE_TRAILING = ".-";

    private final boolean possiblePhones;

    private IdentifierExtractor(boolean possiblePhones) {
        this.possiblePhones = possiblePhones;
    }

    /** Keeps phone numbers that are only possible (as {@link Found.Strength#WEAK}). */
    public static IdentifierExtractor standard() {
        return new IdentifierExtractor(true);
    }

    /** Keeps only phone numbers libphonenumber knows as valid. */
    public static IdentifierExtractor validPhonesOnly() {
        return new IdentifierExtractor(false);
    }

    /**
     * Identifiers in {@code text}, in order of position. Requires {@code defaultRegion} to be the region numbers
     * without a country code are read in (the child's country; {@link Phones#isKnownRegion}).
     */
    public List<Found> extract(CharSequence text, String defaultRegion) {
        return extract(text, defaultRegion, null);
    }

    /**
     * As {@link #extract(CharSequence, String)}, for a message sent on {@code chatPlatform}: an {@code @handle} with no
     * other platform named near it is taken as an account on that platform (a mention in a Telegram chat is a
     * Telegram account); in WhatsApp chats, {@code @33612345678} mentions are international phone numbers.
     */
    public List<Found> extract(CharSequence text, String defaultRegion, @Nullable Platform chatPlatform) {
        String s = text.toString();
        List<Found> found = new ArrayList<>();
        List<int[]> covered = new ArrayList<>();
        links(s, found, covered);
        emails(s, found, covered);
        if (s.indexOf('[') >= 0 || s.indexOf('(') >= 0 || s.indexOf('{') >= 0) {
            obfuscatedEmails(s, found, covered);
        }
        handles(s, chatPlatform, found, covered);
        phones(s, defaultRegion.toUpperCase(Locale.ROOT), found, covered);
        found.sort(Comparator.comparingInt(Found::start));
        return List.copyOf(found);
    }

    private static void links(String s, List<Found> found, List<int[]> covered) {
        if (s.indexOf('/') < 0) {
            return;
        }
        Matcher m = LINK.matcher(s);
        while (m.find()) {
            int start = m.start();
            int end = trimEnd(s, start, m.end(), LINK_TRAILING);
            covered.add(new int[] {start, end});
            String raw = s.substring(start, end);
            ProfileLinks.parse(raw)
                    .toOptional()
                    .ifPresent(id -> found.add(new Found(start, end, id, Found.Source.LINK, Found.Strength.STRONG)));
        }
    }

    /**
     * E-mail addresses, found by growing each {@code @} to the left over local-part characters and to the right over
     * domain characters, then checked by {@link Emails}. Gives the same spans as matching {@link #EMAIL} over the whole
     * text (checked in tests), without trying the pattern at every position.
     */
    private static void emails(String s, List<Found> found, List<int[]> covered) {
        for (int at = s.indexOf('@'); at >= 0; at = s.indexOf('@', at + 1)) {
            int start = at;
            while (start > 0 && at - start < 64 && isLocalChar(s.charAt(start - 1))) {
                start--;
            }
            if (start == at || start > 0 && isLocalChar(s.charAt(start - 1))) {
                continue;
            }
            Matcher m = EMAIL.matcher(s).region(start, s.length());
            if (!m.lookingAt()) {
                continue;
            }
            int end = m.end();
            if (isCovered(covered, start, end)) {
                continue;
            }
            covered.add(new int[] {start, end});
            int from = start;
            Emails.parse(s.substring(start, end))
                    .toOptional()
                    .ifPresent(e ->
                            found.add(new Found(from, end, e.identifier(), Found.Source.EMAIL, Found.Strength.STRONG)));
        }
    }

    private static void obfuscatedEmails(String s, List<Found> found, List<int[]> covered) {
        Matcher m = OBFUSCATED_EMAIL.matcher(s);
        while (m.find()) {
            int start = m.start();
            int end = m.end();
            if (isCovered(covered, start, end)) {
                continue;
            }
            String plain = m.group(1) + "@" + OBFUSCATED_DOT.matcher(m.group(2)).replaceAll(".");
            String span = s.substring(start, end);
            Emails.parse(plain, span).toOptional().ifPresent(e -> {
                covered.add(new int[] {start, end});
                found.add(new Found(start, end, e.identifier(), Found.Source.EMAIL, Found.Strength.STRONG));
            });
        }
    }

    /** {@code [\\p{L}\\p{N}._%+-]}, as in {@link #EMAIL}. */
    private static boolean isLocalChar(char c) {
        return c == '.' || c == '_' || c == '%' || c == '+' || c == '-' || isLetterOrNumber(c);
    }

    /** {@code [\\p{L}\\p{N}]}. */
    private static boolean isLetterOrNumber(char c) {
        if (Character.isLetter(c)) {
            return true;
        }
        int type = Character.getType(c);
        return type == Character.DECIMAL_DIGIT_NUMBER
                || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }

    private void phones(String s, String region, List<Found> found, List<int[]> covered) {
        if (!Phones.isKnownRegion(region)) {
            return;
        }
        Leniency leniency = possiblePhones ? Leniency.POSSIBLE : Leniency.VALID;
        for (PhoneNumberMatch m : Phones.util().findNumbers(s, region, leniency, Long.MAX_VALUE)) {
            int start = m.start();
            int end = m.end();
            if (isCovered(covered, start, end)
                    || isWordChar(s, start - 1)
                    || isWordChar(s, end)
                    || inDecimal(s, start, end)) {
                continue;
            }
            covered.add(new int[] {start, end});
            Phones.of(m.number(), m.rawString(), region)
                    .toOptional()
                    .ifPresent(p -> found.add(new Found(
                            start,
                            end,
                            p.identifier(),
                            Found.Source.PHONE_NUMBER,
                            p.validity() == Phone.Validity.VALID ? Found.Strength.STRONG : Found.Strength.WEAK)));
        }
    }

    private static void handles(String s, @Nullable Platform chatPlatform, List<Found> found, List<int[]> covered) {
        named(s, found, covered);
        if (s.indexOf('@') >= 0) {
            atHandles(s, chatPlatform, found, covered);
        }
    }

    /**
     * Names after a platform word and a separator. Walks the words of the text and tries {@link #NAMED_TAIL} only after
     * a platform word, which gives the same matches as one pattern with the words as alternatives (checked in tests).
     */
    private static void named(String s, List<Found> found, List<int[]> covered) {
        int n = s.length();
        int i = 0;
        while (i < n) {
            if (!isLetterOrNumber(s.charAt(i))) {
                i++;
                continue;
            }
            int j = i + 1;
            while (j < n && isLetterOrNumber(s.charAt(j))) {
                j++;
            }
            String word = j - i <= 9 ? s.substring(i, j).toLowerCase(Locale.ROOT) : "";
            i = j;
            if (!NAMED_WORDS.contains(word)) {
                continue;
            }
            Matcher tail = NAMED_TAIL.matcher(s).region(j, n);
            if (!tail.lookingAt()) {
                continue;
            }
            i = tail.end();
            int start = tail.start(2);
            int end = trimEnd(s, start, tail.end(2), HANDLE_TRAILING);
            String name = s.substring(start, end);
            boolean explicit = tail.group(1).equals(":") || tail.group(1).equals("=");
            if (isCovered(covered, start, end) || !explicit && !name.matches(".*[0-9._].*")) {
                continue;
            }
            Handles.parse(WORDS.get(word), name, name).toOptional().ifPresent(id -> {
                covered.add(new int[] {start, end});
                found.add(new Found(start, end, id, Found.Source.NAMED_HANDLE, Found.Strength.STRONG));
            });
        }
    }

    private static void atHandles(String s, @Nullable Platform chatPlatform, List<Found> found, List<int[]> covered) {
        Matcher at = AT_HANDLE.matcher(s);
        while (at.find()) {
            int start = at.start();
            int end = trimEnd(s, start, at.end(), HANDLE_TRAILING);
            if (end - start < 3 || isCovered(covered, start, end)) {
                continue;
            }
            String handle = s.substring(start, end);
            if (chatPlatform == Platform.WHATSAPP
                    && WHATSAPP_MENTION.matcher(handle).matches()) {
                Phones.parse("+" + handle.substring(1), "ZZ")
                        .flatMap(p -> Identifier.checked(
                                IdentifierKind.PHONE, null, p.e164(), handle, Rejection.NOT_A_PHONE_NUMBER))
                        .toOptional()
                        .ifPresent(id -> {
                            covered.add(new int[] {start, end});
                            found.add(new Found(start, end, id, Found.Source.AT_HANDLE, Found.Strength.STRONG));
                        });
                continue;
            }
            Platform platform = platformNear(s, start, end);
            if (platform == null && chatPlatform != Platform.WHATSAPP) {
                platform = chatPlatform;
            }
            Parsed<Identifier> id =
                    platform == null ? Parsed.rejected(Rejection.EMPTY) : Handles.parse(platform, handle, handle);
            Found.Strength strength = Found.Strength.STRONG;
            if (!id.isOk()) {
                id = Handles.parse(null, handle, handle);
                strength = Found.Strength.WEAK;
            }
            Found.Strength st = strength;
            id.toOptional().ifPresent(i -> {
                covered.add(new int[] {start, end});
                found.add(new Found(start, end, i, Found.Source.AT_HANDLE, st));
            });
        }
    }

    /** The platform named closest to the handle, in the same sentence or a few words after it. */
    private static @Nullable Platform platformNear(String s, int start, int end) {
        int from = Math.max(0, start - CONTEXT_BEFORE);
        int to = Math.min(s.length(), end + CONTEXT_AFTER);
        for (int i = start - 1; i > from; i--) {
            if (endsSentence(s, i)) {
                from = i;
                break;
            }
        }
        for (int i = end; i < to; i++) {
            if (endsSentence(s, i)) {
                to = i;
                break;
            }
        }
        Matcher m = PLATFORM.matcher(s).region(from, to);
        Platform best = null;
        int bestDistance = Integer.MAX_VALUE;
        while (m.find()) {
            int distance = m.start() >= end ? m.start() - end : start - m.end();
            if (distance >= 0 && distance < bestDistance) {
                bestDistance = distance;
                best = WORDS.get(m.group(1).toLowerCase(Locale.ROOT));
            }
        }
        return best;
    }

    /** A line break, or {@code . ! ?} followed by a space or the end of the text. */
    private static boolean endsSentence(String s, int i) {
        char c = s.charAt(i);
        return c == '\n'
                || (c == '.' || c == '!' || c == '?')
                        && (i + 1 == s.length() || Character.isWhitespace(s.charAt(i + 1)));
    }

    private static int trimEnd(String s, int start, int end, String trailing) {
        int e = end;
        while (e > start + 1 && trailing.indexOf(s.charAt(e - 1)) >= 0) {
            if (s.charAt(e - 1) == ')' && s.substring(start, e).indexOf('(') >= 0) {
                break;
            }
            e--;
        }
        return e;
    }

    /**
     * Whether {@code s[start, end)} is a decimal number or part of one ({@code 0.08194401068505253}, {@code 3,14159…}):
     * digits with a single {@code .} or {@code ,} and nothing else, or digits joined to more digits by a point (or an
     * Arabic decimal separator), or by a comma when one side has at most 5 digits (two long numbers joined by a comma
     * are a list: {@code 0612345678,0698765432}). A phone number written with points has several
     * ({@code 06.12.34.56.78}), and libphonenumber takes them all into its match.
     */
    static boolean inDecimal(String s, int start, int end) {
        boolean shortMatch = digitCount(s, start, end) <= 5;
        if (isDecimalMark(s, start - 1)
                && digitRun(s, start - 2, -1) > 0
                && (s.charAt(start - 1) != ',' || shortMatch || digitRun(s, start - 2, -1) <= 5)) {
            return true;
        }
        if (isDecimalMark(s, end)
                && digitRun(s, end + 1, 1) > 0
                && (s.charAt(end) != ',' || shortMatch || digitRun(s, end + 1, 1) <= 5)) {
            return true;
        }
        int marks = 0;
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (c == '.' || c == ',') {
                marks++;
            } else if (!Character.isDigit(c)) {
                return false;
            }
        }
        return marks == 1;
    }

    private static boolean isDecimalMark(String s, int i) {
        return i >= 0 && i < s.length() && (s.charAt(i) == '.' || s.charAt(i) == ',' || s.charAt(i) == '\u066B');
    }

    /** How many digits run from {@code i} in direction {@code step} (counted up to 6). */
    private static int digitRun(String s, int i, int step) {
        int n = 0;
        while (i >= 0 && i < s.length() && Character.isDigit(s.charAt(i)) && n <= 5) {
            n++;
            i += step;
        }
        return n;
    }

    private static int digitCount(String s, int start, int end) {
        int n = 0;
        for (int i = start; i < end; i++) {
            n += Character.isDigit(s.charAt(i)) ? 1 : 0;
        }
        return n;
    }

    /** Whether {@code s[i]} exists and is a letter, digit or underscore (a number glued to a word is not one). */
    private static boolean isWordChar(String s, int i) {
        if (i < 0 || i >= s.length()) {
            return false;
        }
        char c = s.charAt(i);
        return c == '_' || Character.isLetterOrDigit(c);
    }

    private static boolean isCovered(List<int[]> covered, int start, int end) {
        for (int[] c : covered) {
            if (start < c[1] && c[0] < end) {
                return true;
            }
        }
        return false;
    }
}
