package org.filet.identifiers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Values too common to link anything: generic account names ({@code admin}, {@code support}), a platform's own
 * accounts, hotline and emergency numbers, documentation domains. Two reports sharing such a value are not linked by
 * it. Immutable and thread-safe.
 *
 * <p>File format, one entry a line, {@code #} starts a comment:
 * <pre>
 * account admin                    any platform, or none
 * account/snapchat teamsnapchat    one platform (a Platform code)
 * email-local noreply              any domain
 * domain example.org               e-mail and web addresses at this domain and its subdomains
 * email abuse@example.net          one address
 * phone +1 800 555 0100            one number, in international form (the value is the rest of the line)
 * short-number 3018                a short service number (they never become identifiers; see isShortNumber)
 * </pre>
 */
public final class CommonValues {

    private static final String RESOURCE = "common-values.txt";

    private final Set<String> keys;
    private final Set<String> anyPlatformAccounts;
    private final Set<String> emailLocals;
    private final Set<String> domains;
    private final Set<String> shortNumbers;

    private CommonValues(
            Set<String> keys,
            Set<String> anyPlatformAccounts,
            Set<String> emailLocals,
            Set<String> domains,
            Set<String> shortNumbers) {
        this.keys = Set.copyOf(keys);
        this.anyPlatformAccounts = Set.copyOf(anyPlatformAccounts);
        this.emailLocals = Set.copyOf(emailLocals);
        this.domains = Set.copyOf(domains);
        this.shortNumbers = Set.copyOf(shortNumbers);
    }

    /** The list shipped with Filet ({@code org/filet/identifiers/common-values.txt}), read once. */
    public static CommonValues standard() {
        return Standard.VALUES;
    }

    private static final class Standard {
        static final CommonValues VALUES = readStandard();
    }

    private static CommonValues readStandard() {
        try (InputStream in = CommonValues.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new CommonValuesUnreadable(RESOURCE, 0, "resource missing");
            }
            return parse(new InputStreamReader(in, StandardCharsets.UTF_8), RESOURCE);
        } catch (IOException e) {
            throw new CommonValuesUnreadable(RESOURCE, e);
        }
    }

    public static CommonValues empty() {
        return new CommonValues(Set.of(), Set.of(), Set.of(), Set.of(), Set.of());
    }

    /** A deployment's own list, to combine with {@link #standard()} by {@link #plus}. */
    public static CommonValues load(Path file) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(r, file.getFileName().toString());
        } catch (IOException e) {
            throw new CommonValuesUnreadable(String.valueOf(file.getFileName()), e);
        }
    }

    /** Reads entries in the format above; {@code source} names the input in errors. */
    public static CommonValues parse(Reader reader, String source) {
        Set<String> keys = new HashSet<>();
        Set<String> accounts = new HashSet<>();
        Set<String> locals = new HashSet<>();
        Set<String> domains = new HashSet<>();
        Set<String> shorts = new HashSet<>();
        BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        int lineNo = 0;
        try {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNo++;
                int hash = line.indexOf('#');
                String entry = (hash >= 0 ? line.substring(0, hash) : line).strip();
                if (entry.isEmpty()) {
                    continue;
                }
                String[] parts = entry.split("\\s+", 2);
                if (parts.length != 2) {
                    throw new CommonValuesUnreadable(source, lineNo, "expected '<type> <value>'");
                }
                String type = parts[0].toLowerCase(Locale.ROOT);
                String value = parts[1];
                switch (type) {
                    case "account" ->
                        accounts.add(require(Handles.parse(null, value), source, lineNo)
                                .value());
                    case "email-local" -> locals.add(value.toLowerCase(Locale.ROOT));
                    case "domain" -> domains.add(requireDomain(value, source, lineNo));
                    case "email" ->
                        keys.add(require(Emails.parse(value).map(Email::identifier), source, lineNo)
                                .key());
                    case "phone" ->
                        keys.add(require(Phones.parse(value, "ZZ").map(Phone::identifier), source, lineNo)
                                .key());
                    case "short-number" -> shorts.add(requireShort(value, source, lineNo));
                    default -> {
                        if (!type.startsWith("account/")) {
                            throw new CommonValuesUnreadable(source, lineNo, "unknown entry type");
                        }
                        Platform p = Platform.fromCode(type.substring("account/".length()));
                        if (p == null) {
                            throw new CommonValuesUnreadable(source, lineNo, "unknown platform");
                        }
                        keys.add(
                                require(Handles.parse(p, value), source, lineNo).key());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new CommonValues(keys, accounts, locals, domains, shorts);
    }

    /** Both lists' entries. */
    public CommonValues plus(CommonValues other) {
        return new CommonValues(
                union(keys, other.keys),
                union(anyPlatformAccounts, other.anyPlatformAccounts),
                union(emailLocals, other.emailLocals),
                union(domains, other.domains),
                union(shortNumbers, other.shortNumbers));
    }

    /** Whether this identifier is too common to link anything. */
    public boolean isCommon(Identifier id) {
        return why(id).isPresent();
    }

    /** Which kind of entry makes {@code id} common ({@code "account"}, {@code "domain"}…), if any. */
    public Optional<String> why(Identifier id) {
        if (keys.contains(id.key())) {
            return Optional.of(
                    id.kind() == IdentifierKind.ACCOUNT
                            ? "account/platform"
                            : id.kind().name().toLowerCase(Locale.ROOT));
        }
        return switch (id.kind()) {
            case ACCOUNT -> anyPlatformAccounts.contains(id.value()) ? Optional.of("account") : Optional.empty();
            case EMAIL -> {
                int at = id.value().indexOf('@');
                if (emailLocals.contains(id.value().substring(0, at))) {
                    yield Optional.of("email-local");
                }
                yield inDomains(id.value().substring(at + 1)) ? Optional.of("domain") : Optional.empty();
            }
            case URL -> {
                String rest = id.value().substring("https://".length());
                int end = rest.length();
                for (int i = 0; i < rest.length(); i++) {
                    if (rest.charAt(i) == '/' || rest.charAt(i) == '?') {
                        end = i;
                        break;
                    }
                }
                String host = rest.substring(0, end).replaceFirst(":[0-9]+$", "");
                yield inDomains(host) ? Optional.of("domain") : Optional.empty();
            }
            case PHONE -> Optional.empty();
        };
    }

    /** Whether {@code dialled} (digits, spaces allowed) is a listed short service number such as 119 or 3018. */
    public boolean isShortNumber(String dialled) {
        return shortNumbers.contains(dialled.replaceAll("[\\s.-]", ""));
    }

    public int size() {
        return keys.size() + anyPlatformAccounts.size() + emailLocals.size() + domains.size() + shortNumbers.size();
    }

    @Override
    public String toString() {
        return "CommonValues[" + size() + " entries]";
    }

    private boolean inDomains(String host) {
        for (String h = host; ; h = h.substring(h.indexOf('.') + 1)) {
            if (domains.contains(h)) {
                return true;
            }
            if (h.indexOf('.') < 0) {
                return false;
            }
        }
    }

    private static Identifier require(Parsed<Identifier> parsed, String source, int line) {
        if (parsed instanceof Parsed.Rejected<Identifier> r) {
            throw new CommonValuesUnreadable(source, line, r.reason().name());
        }
        return parsed.orElseThrow();
    }

    private static String requireDomain(String value, String source, int line) {
        String d = Emails.asciiDomain(value);
        if (d == null) {
            throw new CommonValuesUnreadable(source, line, Rejection.EMAIL_BAD_DOMAIN.name());
        }
        return d;
    }

    private static String requireShort(String value, String source, int line) {
        if (!value.matches("[0-9]{2,8}")) {
            throw new CommonValuesUnreadable(source, line, "short numbers are 2 to 8 digits");
        }
        return value;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> u = new HashSet<>(a);
        u.addAll(b);
        return u;
    }
}
