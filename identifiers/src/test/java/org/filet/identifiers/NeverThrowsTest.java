package org.filet.identifiers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random texts built from the characters identifiers are made of: every normaliser returns a value or a rejection and
 * never throws, and every value it returns is accepted again by {@link Identifier#restore}.
 */
class NeverThrowsTest {

    private static final String[] PIECES = {
        "https://",
        "http://",
        "www.",
        "m.",
        "instagram.com",
        "facebook.com",
        "profile.php?id=",
        "m.me",
        "snapchat.com",
        "/add/",
        "tiktok.com",
        "/@",
        "x.com",
        "twitter.com",
        "discord.com",
        "/users/",
        "t.me",
        "/+",
        "wa.me",
        "/",
        "youtube.com",
        "/channel/UC",
        "/c/",
        "roblox.com",
        "reddit.com",
        "/u/",
        "kik.me",
        "example.org",
        "@",
        ".",
        "..",
        "_",
        "-",
        "+",
        "?",
        "&",
        "=",
        "#",
        ":",
        "%",
        "%zz",
        "[.]",
        "hxxps://",
        "a",
        "Z",
        "é",
        "ß",
        "İ",
        "０",
        "5",
        "555",
        "0123",
        "+33",
        "06",
        "01 99 00",
        " ",
        "\t",
        "Ω",
        "😀",
        "a.b",
        "id",
        "(at)",
        "[dot]",
        "snap",
        "insta",
        ": ",
        "c'est "
    };

    @Test
    void normalisersReturnAValueOrARejection() {
        Random random = new Random(20261129);
        List<String> texts =
                new ArrayList<>(List.of("", " ", "@", "a.b.c", "facebook.com/a.b.c", "https://m.me/a.b.c"));
        for (int i = 0; i < 4_000; i++) {
            StringBuilder b = new StringBuilder();
            for (int j = 1 + random.nextInt(8); j > 0; j--) {
                b.append(PIECES[random.nextInt(PIECES.length)]);
            }
            texts.add(b.toString());
        }
        for (String text : texts) {
            assertThatCode(() -> {
                        for (IdentifierKind kind : IdentifierKind.values()) {
                            check(Identifiers.normalise(kind, null, text, "FR"));
                        }
                        for (Platform p : Platform.values()) {
                            check(Identifiers.normalise(IdentifierKind.ACCOUNT, p, text, "CA"));
                        }
                        check(Identifiers.email(text).map(Email::identifier));
                        for (Found f : Identifiers.extract(text, "GB", Platform.TELEGRAM)) {
                            assertThat(text.substring(f.start(), f.end()))
                                    .isEqualTo(f.identifier().original());
                        }
                    })
                    .as("text [%s]", text)
                    .doesNotThrowAnyException();
        }
    }

    private static void check(Parsed<Identifier> parsed) {
        parsed.toOptional()
                .ifPresent(id -> assertThat(
                                Identifier.restore(id.kind(), id.platform().orElse(null), id.value(), id.original())
                                        .toOptional())
                        .contains(id));
    }
}
