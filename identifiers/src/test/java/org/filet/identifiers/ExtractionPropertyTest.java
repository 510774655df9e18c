package org.filet.identifiers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jspecify.annotations.Nullable;

/**
 * Extraction over any text never throws (production jobs died on a decimal read as a 16-digit phone number), never
 * takes a decimal for a phone number, and every value it gives normalises again to itself.
 */
class ExtractionPropertyTest {

    private static final List<String> REGIONS = List.of("FR", "BE", "CH", "CA", "US", "GB", "DE", "JP", "IN", "ZZ");
    private static final List<String> SEPARATORS = List.of(
            " ", "  ", ", ", ". ", "\n", " : ", "\u00A0", "\u202F", "", "(", ")", " @", "/", "-", ".", ",", "\t",
            "\u200E", "\u061C");

    @Property(tries = 1500, seed = "20261204")
    void extractionNeverThrowsAndEveryValueRenormalisesToItself(
            @ForAll("texts") String text,
            @ForAll("regions") String region,
            @ForAll("platforms") @Nullable Platform chat) {
        for (Found f : IdentifierExtractor.standard().extract(text, region, chat)) {
            assertThat(f.start()).isGreaterThanOrEqualTo(0);
            assertThat(f.end()).isLessThanOrEqualTo(text.length());
            assertRenormalises(f.identifier(), region);
        }
        for (Found f : IdentifierExtractor.validPhonesOnly().extract(text, region, chat)) {
            assertRenormalises(f.identifier(), region);
        }
    }

    @Property(tries = 1000, seed = "20261204")
    void aDecimalIsNeverAPhoneNumber(@ForAll("decimals") String decimal, @ForAll("regions") String region) {
        String text = "valeur " + decimal + " mesurée";
        assertThat(Identifiers.extract(text, region))
                .noneMatch(f -> f.identifier().kind() == IdentifierKind.PHONE);
    }

    @Property(tries = 500, seed = "20261204")
    void normalisersNeverThrowOnAnyText(@ForAll("texts") String text, @ForAll("regions") String region) {
        for (IdentifierKind kind : IdentifierKind.values()) {
            Identifiers.normalise(kind, null, text, region)
                    .toOptional()
                    .ifPresent(id -> assertRenormalises(id, region));
        }
        for (Platform p : Platform.values()) {
            Identifiers.normalise(IdentifierKind.ACCOUNT, p, text, region)
                    .toOptional()
                    .ifPresent(id -> assertRenormalises(id, region));
        }
    }

    /** The stored value read back, and the value normalised again as what it is, give the same identifier. */
    private static void assertRenormalises(Identifier id, String region) {
        Platform platform = id.platform().orElse(null);
        assertThat(Identifier.restore(id.kind(), platform, id.value(), id.original())
                        .toOptional())
                .contains(id);
        Parsed<Identifier> again = switch (id.kind()) {
            case PHONE -> Identifiers.normalise(IdentifierKind.PHONE, null, id.value(), "ZZ");
            case EMAIL, URL -> Identifiers.normalise(id.kind(), null, id.value(), region);
            case ACCOUNT -> Identifiers.handle(platform, storedHandle(id.value()), region);
        };
        assertThat(again.toOptional()).as("%s normalised again", id).contains(id);
    }

    /** Account values with a prefix (numeric ids, YouTube channels) are normalised from what a profile link holds. */
    private static String storedHandle(String value) {
        return value;
    }

    @Provide
    Arbitrary<String> regions() {
        return Arbitraries.of(REGIONS);
    }

    @Provide
    Arbitrary<@Nullable Platform> platforms() {
        return Arbitraries.of(Platform.values()).injectNull(0.3);
    }

    @Provide
    Arbitrary<String> decimals() {
        Arbitrary<String> intPart =
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(4);
        Arbitrary<String> fraction =
                Arbitraries.strings().numeric().ofMinLength(6).ofMaxLength(20);
        return Combinators.combine(intPart, Arbitraries.of(".", ","), fraction, Arbitraries.of("", "-"))
                .as((i, mark, f, sign) -> sign + i + mark + f);
    }

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> piece = Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(30),
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(25),
                decimals(),
                phoneLike(),
                emailLike(),
                unicodeDigits(),
                Arbitraries.of(
                        "https://",
                        "www.",
                        "instagram.com/",
                        "wa.me/",
                        "t.me/",
                        "snap",
                        "insta : ",
                        "@",
                        "tel ",
                        "+",
                        "00",
                        "(0)",
                        "[at]",
                        "[dot]",
                        "c'est ",
                        "ext. ",
                        "#",
                        "x",
                        "0.",
                        "3,",
                        "٫"));
        return piece.list()
                .ofMinSize(1)
                .ofMaxSize(8)
                .flatMap(pieces -> Arbitraries.of(SEPARATORS)
                        .list()
                        .ofSize(pieces.size())
                        .map(seps -> {
                            StringBuilder b = new StringBuilder();
                            for (int i = 0; i < pieces.size(); i++) {
                                b.append(pieces.get(i)).append(seps.get(i));
                            }
                            return b.toString();
                        }));
    }

    private static Arbitrary<String> phoneLike() {
        Arbitrary<String> group = Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(5);
        return Combinators.combine(
                        Arbitraries.of("", "+", "00", "+33 ", "0", "(0)", "+1 (", "+44 "),
                        group.list().ofMinSize(1).ofMaxSize(6),
                        Arbitraries.of(" ", ".", "-", "", "\u00A0"))
                .as((prefix, groups, sep) -> prefix + String.join(sep, groups));
    }

    private static Arbitrary<String> emailLike() {
        Arbitrary<String> word =
                Arbitraries.strings().withChars("abcXYZ019._-+é").ofMinLength(0).ofMaxLength(12);
        return Combinators.combine(
                        word,
                        Arbitraries.of("@", " [at] ", "(at)", "@@"),
                        word,
                        Arbitraries.of(".", "..", " [dot] ", ""),
                        Arbitraries.of("fr", "com", "c", "org", "", "1", "xn--p1ai"))
                .as((local, at, domain, dot, tld) -> local + at + domain + dot + tld);
    }

    /** Digit runs in other scripts: Arabic-Indic, Persian, Devanagari, full-width, Bengali, Thai. */
    private static Arbitrary<String> unicodeDigits() {
        return Combinators.combine(
                        Arbitraries.of('\u0660', '\u06F0', '\u0966', '\uFF10', '\u09E6', '\u0E50', '0'),
                        Arbitraries.integers().between(0, 9).list().ofMinSize(1).ofMaxSize(16),
                        Arbitraries.of("", " ", ".", "\u066B", ","))
                .as((zero, digits, sep) -> {
                    StringBuilder b = new StringBuilder();
                    for (int i = 0; i < digits.size(); i++) {
                        if (i > 0 && i % 2 == 0) {
                            b.append(sep);
                        }
                        b.append((char) (zero + digits.get(i)));
                    }
                    return b.toString();
                });
    }
}
