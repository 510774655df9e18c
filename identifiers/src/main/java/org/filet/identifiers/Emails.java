package org.filet.identifiers;

import java.net.IDN;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** E-mail addresses: case-folded, IDN domain to ASCII, provider variants recorded apart. Thread-safe. */
public final class Emails {

    private static final Pattern LOCAL = Pattern.compile("[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~.-]{1,64}");
    private static final Pattern LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern TLD = Pattern.compile("[a-z]{2,63}|xn--[a-z0-9-]{1,59}");
    private static final Set<String> GMAIL = Set.of("gmail.com", "googlemail.com");
    private static final Set<String> APPLE = Set.of("icloud.com", "me.com", "mac.com");
    private static final Set<String> PROTON = Set.of("proton.me", "protonmail.com", "protonmail.ch", "pm.me");
    private static final Set<String> MICROSOFT_NAMES = Set.of("outlook", "hotmail", "live", "msn", "windowslive");
    private static final Set<String> YAHOO_NAMES = Set.of("yahoo", "ymail", "rocketmail");
    /** Country and generic suffixes under which Microsoft and Yahoo run their consumer mail. */
    private static final Set<String> PROVIDER_SUFFIXES = Set.of(
            "com", "net", "fr", "be", "ch", "lu", "ca", "us", "co.uk", "uk", "de", "it", "es", "nl", "at", "ie", "pt",
            "dk", "se", "no", "fi", "gr", "pl", "cz", "jp", "co.jp", "com.au", "com.br", "com.mx", "com.ar", "co.za",
            "co.in", "in", "sg", "com.sg", "com.hk", "com.tr", "mu", "ma", "tn", "dz", "sn", "ci", "cm");

    private Emails() {}

    public static Parsed<Email> parse(String text) {
        return parse(text, text);
    }

    /** Requires {@code original} to be the text {@code text} was read from (the same, or its obfuscated form). */
    static Parsed<Email> parse(String text, String original) {
        String s = text.strip();
        if (s.regionMatches(true, 0, "mailto:", 0, 7)) {
            s = s.substring(7);
        }
        if (s.startsWith("<") && s.endsWith(">")) {
            s = s.substring(1, s.length() - 1).strip();
        }
        int query = s.indexOf('?');
        if (query >= 0) {
            s = s.substring(0, query);
        }
        if (s.isEmpty()) {
            return Parsed.rejected(Rejection.EMPTY);
        }
        if (s.length() > 320) {
            return Parsed.rejected(Rejection.TOO_LONG);
        }
        int at = s.indexOf('@');
        if (at <= 0 || at != s.lastIndexOf('@') || at == s.length() - 1) {
            return Parsed.rejected(Rejection.EMAIL_MALFORMED);
        }
        String local = s.substring(0, at).toLowerCase(Locale.ROOT);
        if (!LOCAL.matcher(local).matches() || local.startsWith(".") || local.endsWith(".") || local.contains("..")) {
            return Parsed.rejected(Rejection.EMAIL_MALFORMED);
        }
        String domain = asciiDomain(s.substring(at + 1));
        if (domain == null) {
            return Parsed.rejected(Rejection.EMAIL_BAD_DOMAIN);
        }
        return Identifier.checked(IdentifierKind.EMAIL, null, local + "@" + domain, original, Rejection.EMAIL_MALFORMED)
                .flatMap(id -> withVariants(id, local, domain, original));
    }

    /** The domain in lower-case ASCII (IDNA, RFC 5891), or {@code null} when it is not a host name. */
    static @Nullable String asciiDomain(String domain) {
        String d = domain.endsWith(".") ? domain.substring(0, domain.length() - 1) : domain;
        String ascii;
        try {
            ascii = IDN.toASCII(d, 0).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (ascii.isEmpty() || ascii.length() > 253) {
            return null;
        }
        String[] labels = ascii.split("\\.", -1);
        if (labels.length < 2 || !TLD.matcher(labels[labels.length - 1]).matches()) {
            return null;
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return null;
            }
        }
        return ascii;
    }

    /** The address with its canonical form and variants; rejected if one of them has no stored shape. */
    private static Parsed<Email> withVariants(Identifier id, String local, String domain, String original) {
        List<Email.Variant> variants = new ArrayList<>();
        String canonicalLocal = local;
        String canonicalDomain = domain;
        int dot = domain.indexOf('.');
        String provider = PROVIDER_SUFFIXES.contains(domain.substring(dot + 1)) ? domain.substring(0, dot) : "";
        char subaddress = 0;
        if (GMAIL.contains(domain)) {
            subaddress = '+';
            canonicalDomain = "gmail.com";
            String dotless = local.replace(".", "");
            if (!dotless.equals(local)) {
                add(variants, Email.Rule.DOTS_IGNORED, dotless + "@" + domain, original);
                canonicalLocal = dotless;
            }
        } else if (APPLE.contains(domain)) {
            subaddress = '+';
            canonicalDomain = "icloud.com";
        } else if (PROTON.contains(domain)) {
            subaddress = '+';
            canonicalDomain = "proton.me";
        } else if (MICROSOFT_NAMES.contains(provider) || domain.equals("fastmail.com")) {
            subaddress = '+';
        } else if (YAHOO_NAMES.contains(provider)) {
            subaddress = '-';
        }
        if (subaddress != 0) {
            int tag = local.indexOf(subaddress);
            if (tag > 0) {
                add(variants, Email.Rule.SUBADDRESS_REMOVED, local.substring(0, tag) + "@" + domain, original);
                int canonicalTag = canonicalLocal.indexOf(subaddress);
                canonicalLocal = canonicalLocal.substring(0, canonicalTag);
            }
        }
        if (!canonicalDomain.equals(domain)) {
            add(variants, Email.Rule.DOMAIN_ALIAS, local + "@" + canonicalDomain, original);
        }
        if (variants.contains(null)) {
            return Parsed.rejected(Rejection.EMAIL_MALFORMED);
        }
        return Identifier.checked(
                        IdentifierKind.EMAIL,
                        null,
                        canonicalLocal + "@" + canonicalDomain,
                        original,
                        Rejection.EMAIL_MALFORMED)
                .map(canonical -> new Email(id, canonical, variants));
    }

    /** Adds the variant, or {@code null} when it has no stored shape (the caller then rejects the address). */
    private static void add(List<Email.Variant> variants, Email.Rule rule, String address, String original) {
        variants.add(Identifier.checked(IdentifierKind.EMAIL, null, address, original, Rejection.EMAIL_MALFORMED)
                .map(v -> new Email.Variant(rule, v))
                .toOptional()
                .orElse(null));
    }
}
