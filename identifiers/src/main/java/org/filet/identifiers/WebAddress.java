package org.filet.identifiers;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A web address split leniently (as people paste them: without scheme, with tracking parameters, trailing slashes,
 * or defanged by an analyst):
 * lower-case ASCII host without {@code www.}, path segments, query parameters in order minus tracking ones.
 */
record WebAddress(String host, List<String> segments, Map<String, String> query) {

    private static final Set<String> TRACKING = Set.of(
            "fbclid",
            "gclid",
            "dclid",
            "msclkid",
            "igshid",
            "igsh",
            "mibextid",
            "ref_src",
            "mc_cid",
            "mc_eid",
            "_hsenc",
            "_hsmi",
            "yclid");

    private static final Pattern IPV4 = Pattern.compile(
            "(?:(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])");

    /** Requires a text of at most a few kilobytes; returns {@code null} when it is not an http(s) address. */
    static @Nullable WebAddress parse(String text) {
        String s = refang(text.strip());
        int scheme = s.indexOf("://");
        if (scheme >= 0) {
            String name = s.substring(0, scheme).toLowerCase(Locale.ROOT);
            if (name.startsWith("hxxp")) {
                name = "http" + name.substring(4);
            }
            if (!name.equals("http") && !name.equals("https")) {
                return null;
            }
            s = s.substring(scheme + 3);
        }
        int hash = s.indexOf('#');
        if (hash >= 0) {
            s = s.substring(0, hash);
        }
        int end = firstOf(s, "/?");
        String authority = s.substring(0, end);
        String rest = s.substring(end);
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            authority = authority.substring(at + 1);
        }
        int colon = authority.lastIndexOf(':');
        String port = "";
        if (colon >= 0) {
            port = authority.substring(colon + 1);
            authority = authority.substring(0, colon);
            if (!port.matches("[0-9]{1,5}")) {
                return null;
            }
            if (port.equals("80") || port.equals("443")) {
                port = "";
            }
        }
        String host = IPV4.matcher(authority).matches() ? authority : Emails.asciiDomain(authority);
        if (host == null) {
            return null;
        }
        if (host.startsWith("www.") && host.indexOf('.', 4) > 0) {
            host = host.substring(4);
        }
        if (!port.isEmpty()) {
            host = host + ":" + port;
        }
        int q = rest.indexOf('?');
        String path = q >= 0 ? rest.substring(0, q) : rest;
        List<String> segments = new ArrayList<>();
        for (String seg : path.split("/")) {
            if (!seg.isEmpty()) {
                segments.add(decode(seg));
            }
        }
        Map<String, String> query = new LinkedHashMap<>();
        if (q >= 0) {
            for (String pair : rest.substring(q + 1).split("&")) {
                int eq = pair.indexOf('=');
                String key = decode(eq >= 0 ? pair.substring(0, eq) : pair);
                String lower = key.toLowerCase(Locale.ROOT);
                if (!key.isEmpty() && !TRACKING.contains(lower) && !lower.startsWith("utm_")) {
                    query.putIfAbsent(key, eq >= 0 ? decode(pair.substring(eq + 1)) : "");
                }
            }
        }
        return new WebAddress(host, List.copyOf(segments), query);
    }

    /**
     * Undoes the defanging analysts apply to addresses in reports ({@code hxxps[://]example[.]org}); requires a text
     * without other uses of {@code [.]}, which no valid address has.
     */
    static String refang(String s) {
        if (s.indexOf('[') < 0 && s.indexOf('(') < 0) {
            return s;
        }
        return s.replace("[.]", ".").replace("(.)", ".").replace("[://]", "://").replace("[:]", ":");
    }

    /** The host without the mobile and web prefixes platforms use ({@code m.}, {@code mobile.}, {@code web.}…). */
    String platformHost() {
        String h = host;
        for (String prefix :
                List.of("m.", "mobile.", "web.", "touch.", "old.", "new.", "np.", "story.", "vm.", "vt.")) {
            if (h.startsWith(prefix) && h.indexOf('.', prefix.length()) > 0) {
                return prefix.equals("vm.") || prefix.equals("vt.") ? h : h.substring(prefix.length());
            }
        }
        return h;
    }

    String segment(int i) {
        return i < segments.size() ? segments.get(i) : "";
    }

    String segmentLower(int i) {
        return segment(i).toLowerCase(Locale.ROOT);
    }

    /** {@code https://host/path?query}, the path's case kept, without trailing slash, fragment or tracking. */
    String normalised() {
        StringBuilder b = new StringBuilder("https://").append(host);
        for (String seg : segments) {
            b.append('/').append(encode(seg));
        }
        String sep = "?";
        for (Map.Entry<String, String> e : query.entrySet()) {
            b.append(sep).append(encode(e.getKey()));
            if (!e.getValue().isEmpty()) {
                b.append('=').append(encode(e.getValue()));
            }
            sep = "&";
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return "WebAddress[" + segments.size() + " segments]";
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    private static String encode(String s) {
        StringBuilder b = new StringBuilder();
        for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xff;
            if (c > 0x20 && c < 0x7f && c != '%' && c != '?' && c != '#' && c != '&' && c != '=' && c != '/') {
                b.append((char) c);
            } else {
                b.append('%')
                        .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return b.toString();
    }

    private static int firstOf(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return s.length();
    }
}
