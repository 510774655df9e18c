package org.filet.identifiers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class IdentifierExtractorTest {

    private final IdentifierExtractor extractor = IdentifierExtractor.standard();

    @Test
    void decimalsAreNotPhoneNumbersButAListOfNumbersIs() {
        assertThat(extractor.extract("p = 0.08194401068505253", "FR")).isEmpty();
        assertThat(extractor.extract("moyenne 12,0819440106 et 3.1415926535897932", "FR"))
                .isEmpty();
        assertThat(extractor.extract("valeur 1031255030.000000", "DE")).isEmpty();

        List<Found> list = extractor.extract("numéros : 0612345678,0698765432", "FR");

        assertThat(list)
                .extracting(f -> f.identifier().key())
                .containsExactly("PHONE//+33612345678", "PHONE//+33698765432");
    }

    @Test
    void aStoredAccountValueNormalisesToItself() {
        assertThat(Identifiers.handle(Platform.FACEBOOK, "@00010", "FR")
                        .orElseThrow()
                        .value())
                .isEqualTo("id:10");
        assertThat(Identifiers.handle(Platform.FACEBOOK, "id:10", "FR")
                        .orElseThrow()
                        .value())
                .isEqualTo("id:10");
        assertThat(Identifiers.handle(Platform.SNAPCHAT, "id:10", "FR").isOk()).isFalse();
    }

    @Test
    void frenchMessageWithSnapHandleAndPhone() {
        String text = "t'as quel âge ? ajoute moi sur snap @Alicia_12 ou appelle au 01 99 00 12 34 stp";

        List<Found> found = extractor.extract(text, "FR");

        assertThat(found).hasSize(2);
        assertFound(found.get(0), text, "@Alicia_12", "ACCOUNT/snapchat/alicia_12", Found.Source.AT_HANDLE);
        assertFound(found.get(1), text, "01 99 00 12 34", "PHONE//+33199001234", Found.Source.PHONE_NUMBER);
        assertThat(found).allMatch(f -> f.strength() == Found.Strength.STRONG);
    }

    @Test
    void englishMessageWithNamedHandleEmailAndProfileLink() {
        String text = "don't tell your parents. my insta is fake.gram_55, mail me at Fake.User@example.org "
                + "or see https://www.tiktok.com/@fake.tok_55?lang=en.";

        List<Found> found = extractor.extract(text, "US");

        assertThat(found).hasSize(3);
        assertFound(found.get(0), text, "fake.gram_55", "ACCOUNT/instagram/fake.gram_55", Found.Source.NAMED_HANDLE);
        assertFound(found.get(1), text, "Fake.User@example.org", "EMAIL//fake.user@example.org", Found.Source.EMAIL);
        assertFound(
                found.get(2),
                text,
                "https://www.tiktok.com/@fake.tok_55?lang=en",
                "ACCOUNT/tiktok/fake.tok_55",
                Found.Source.LINK);
    }

    @Test
    void frenchNamedHandleAfterColonAndWhatsappLink() {
        String text = "écris-moi sur discord : fake.cord_55 ou wa.me/12025550123 (c'est mon tel)";

        List<Found> found = extractor.extract(text, "FR");

        assertThat(found).hasSize(2);
        assertFound(found.get(0), text, "fake.cord_55", "ACCOUNT/discord/fake.cord_55", Found.Source.NAMED_HANDLE);
        assertFound(found.get(1), text, "wa.me/12025550123", "PHONE//+12025550123", Found.Source.LINK);
    }

    @Test
    void obfuscatedEmailsAreReadAndTheirSpanIsTheObfuscatedText() {
        String text = "écris à fake.user [at] example [dot] org ou Fake(AT)example.net, pas à moi (at) home. Ok";

        List<Found> found = extractor.extract(text, "FR");

        assertThat(found).hasSize(2);
        assertFound(
                found.get(0),
                text,
                "fake.user [at] example [dot] org",
                "EMAIL//fake.user@example.org",
                Found.Source.EMAIL);
        assertFound(found.get(1), text, "Fake(AT)example.net", "EMAIL//fake@example.net", Found.Source.EMAIL);
        assertThat(found.get(0).identifier().original()).isEqualTo("fake.user [at] example [dot] org");
    }

    @Test
    void defangedLinksInAnalystNotes() {
        String text = "Signalé : hxxps://www[.]tiktok[.]com/@fake.tok_55 (compte actif)";

        List<Found> found = extractor.extract(text, "FR");

        assertThat(found)
                .singleElement()
                .satisfies(f -> assertFound(
                        f,
                        text,
                        "hxxps://www[.]tiktok[.]com/@fake.tok_55",
                        "ACCOUNT/tiktok/fake.tok_55",
                        Found.Source.LINK));
    }

    @Test
    void displayNameAloneGivesNothing() {
        assertThat(extractor.extract("Il s'appelle Kevin Dupont sur Snapchat, il dit qu'il a 15 ans", "FR"))
                .isEmpty();
        assertThat(extractor.extract("his name on insta is Jake and he says send me a pic", "US"))
                .isEmpty();
        assertThat(extractor.extract("mon snap c'est pas important", "FR")).isEmpty();
    }

    @Test
    void handleWithoutPlatformIsWeakAndPossibleOnlyNumberIsWeak() {
        String text = "follow @someone_55 lol, or text 06 39 98 12 34";

        List<Found> found = extractor.extract(text, "FR");

        assertThat(found)
                .extracting(f -> f.identifier().key(), Found::strength)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("ACCOUNT//someone_55", Found.Strength.WEAK),
                        org.assertj.core.groups.Tuple.tuple("PHONE//+33639981234", Found.Strength.WEAK));
        assertThat(IdentifierExtractor.validPhonesOnly().extract(text, "FR"))
                .noneMatch(f -> f.identifier().kind() == IdentifierKind.PHONE);
    }

    @Test
    void rejectedLinksYieldNothingAndHideTheirDigits() {
        String text = "look at https://www.instagram.com/p/CxYz123abc/ and https://discord.gg/AbCdEf "
                + "and discord.com/users/555555555555555555";

        List<Found> found = extractor.extract(text, "US");

        assertThat(found)
                .extracting(f -> f.identifier().key())
                .containsExactly("ACCOUNT/discord/id:555555555555555555");
    }

    @Test
    void phonesNotReadInsideEmailsOrLinks() {
        String text = "fake2025550123@example.org https://example.org/2025550123";

        assertThat(extractor.extract(text, "US"))
                .extracting(f -> f.identifier().kind())
                .containsExactly(IdentifierKind.EMAIL, IdentifierKind.URL);
    }

    @Test
    void digitsInsideHandlesOrGluedToWordsAreNotPhoneNumbers() {
        String text = "snap @snap2025550123 ou ref2025550123x mais appelle 202-555-0123";

        List<Found> found = extractor.extract(text, "US");

        assertThat(found)
                .extracting(f -> f.identifier().key())
                .containsExactly("ACCOUNT/snapchat/snap2025550123", "PHONE//+12025550123");
        assertThat(found.get(1).start()).isEqualTo(text.indexOf("202-555-0123"));
    }

    @Test
    void mentionsInAChatBelongToItsPlatformUnlessAnotherIsNamed() {
        String text = "@Fake_Gram55 t'as vu ? ajoute le sur insta @fake.gram_55";

        List<Found> found = extractor.extract(text, "FR", Platform.TELEGRAM);

        assertThat(found)
                .extracting(f -> f.identifier().key(), Found::strength)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("ACCOUNT/telegram/fake_gram55", Found.Strength.STRONG),
                        org.assertj.core.groups.Tuple.tuple("ACCOUNT/instagram/fake.gram_55", Found.Strength.STRONG));
        assertThat(extractor
                        .extract("@Fake_Gram55 t'as vu ?", "FR")
                        .get(0)
                        .identifier()
                        .platform())
                .isEmpty();
    }

    @Test
    void platformIsLookedForInTheSameSentenceOnly() {
        String text = "Il a un compte insta. Sinon @fake_one. Puis snap ! Il dit @fake_two";

        List<Found> found = extractor.extract(text, "FR");

        assertThat(found)
                .extracting(f -> f.identifier().key())
                .containsExactly("ACCOUNT//fake_one", "ACCOUNT//fake_two");
        assertThat(extractor
                        .extract("mon snap. @fake_three", "FR")
                        .get(0)
                        .identifier()
                        .key())
                .isEqualTo("ACCOUNT//fake_three");
        assertThat(extractor
                        .extract("insta fake.gram dit @fake_four", "FR")
                        .get(0)
                        .identifier()
                        .key())
                .isEqualTo("ACCOUNT/instagram/fake_four");
    }

    @Test
    void whatsappMentionsAreInternationalNumbers() {
        String text = "@12025550123 don't tell your parents";

        List<Found> found = extractor.extract(text, "FR", Platform.WHATSAPP);

        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.identifier().key()).isEqualTo("PHONE//+12025550123");
            assertThat(text.substring(f.start(), f.end())).isEqualTo("@12025550123");
        });
    }

    @Test
    void positionsAreUtf16IndicesOfTheGivenText() {
        String text = "😀 é snap : fake_snap55";
        Found f = extractor.extract(text, "FR").get(0);

        assertThat(text.substring(f.start(), f.end())).isEqualTo("fake_snap55");
    }

    /** Reference: the e-mail pattern tried at every position of the text, as a plain regex scan does. */
    @Test
    void emailSpansMatchAPlainRegexScan() {
        Pattern reference = Pattern.compile(
                "(?<![\\p{L}\\p{N}._%+-])[\\p{L}\\p{N}._%+-]{1,64}@[\\p{L}\\p{N}-]{1,63}(?:\\.[\\p{L}\\p{N}-]{1,63})+");
        List<String> texts = new ArrayList<>(SyntheticMessages.of(300, 7));
        texts.addAll(List.of(
                "a@b.example.org@c.example.org",
                "x".repeat(70) + "@example.org",
                "léa.b²@exämple.org, ½a@example.org",
                "@example.org a@ b@example",
                "mail: .fake.@example.org.",
                "two fake.one@example.org,fake.two@example.net;",
                "fake@example.org@",
                "@@@",
                "a-@-b.example"));
        Random random = new Random(11);
        String alphabet = "ab.@_-+%é² :/";
        for (int i = 0; i < 2_000; i++) {
            StringBuilder b = new StringBuilder();
            for (int j = random.nextInt(30); j > 0; j--) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            texts.add(b.toString());
        }
        for (String text : texts) {
            List<String> expected = new ArrayList<>();
            Matcher m = reference.matcher(text);
            while (m.find()) {
                if (Emails.parse(m.group()).isOk()) {
                    expected.add(m.start() + "-" + m.end());
                }
            }
            List<String> actual = extractor.extract(text, "FR").stream()
                    .filter(f -> f.source() == Found.Source.EMAIL)
                    .map(f -> f.start() + "-" + f.end())
                    .toList();
            assertThat(actual)
                    .as("e-mail spans in text #%d", texts.indexOf(text))
                    .isEqualTo(expected);
        }
    }

    /** Reference: one pattern with the platform words as alternatives, tried at every position. */
    @Test
    void namedHandleSpansMatchASinglePatternScan() {
        Pattern reference = Pattern.compile("(?iu)(?<![\\p{L}\\p{N}])(snapchat|snap|instagram|insta|ig|tiktok|twitter"
                + "|discord|telegram|kik|roblox|twitch|reddit)(?![\\p{L}\\p{N}])\\s*(:|=|(?:c'est|c’est|est|is|it's|it’s)(?![\\p{L}\\p{N}]))"
                + "\\s*@?([A-Za-z0-9._-]{2,40})");
        String[] tokens = {
            "snap",
            "insta",
            "ig",
            "Snapchat",
            "kik",
            "igloo",
            "5",
            "é",
            " ",
            " ",
            ":",
            "=",
            "c'est",
            "is",
            "est",
            "fake_55",
            "x.y",
            "abc",
            "@",
            "-",
            "\n",
            "isabelle_1"
        };
        Random random = new Random(13);
        List<String> texts = new ArrayList<>(List.of("snap: snap: fake_55", "mon snap isabelle_12", "5snap: fake_55"));
        for (int i = 0; i < 3_000; i++) {
            StringBuilder b = new StringBuilder();
            for (int j = random.nextInt(12); j > 0; j--) {
                b.append(tokens[random.nextInt(tokens.length)]);
            }
            texts.add(b.toString());
        }
        for (String text : texts) {
            List<String> expected = new ArrayList<>();
            Matcher m = reference.matcher(text);
            while (m.find()) {
                String name = m.group(3).replaceAll("[.-]+$", "");
                boolean explicit = m.group(2).equals(":") || m.group(2).equals("=");
                String word = m.group(1).toLowerCase(java.util.Locale.ROOT);
                Platform p = java.util.Map.of(
                                "snap", Platform.SNAPCHAT, "insta", Platform.INSTAGRAM, "ig", Platform.INSTAGRAM)
                        .getOrDefault(word, Platform.fromCode(word));
                if ((explicit || name.matches(".*[0-9._].*"))
                        && Handles.parse(p, name).isOk()) {
                    expected.add(m.start(3) + "-" + (m.start(3) + name.length()));
                }
            }
            List<String> actual = extractor.extract(text, "FR").stream()
                    .filter(f -> f.source() == Found.Source.NAMED_HANDLE)
                    .map(f -> f.start() + "-" + f.end())
                    .toList();
            assertThat(actual).as("named spans in [%s]", text).isEqualTo(expected);
        }
    }

    private static void assertFound(Found f, String text, String span, String key, Found.Source source) {
        int start = text.indexOf(span);
        assertThat(start).as("span present in the test text").isNotNegative();
        assertThat(f.start()).isEqualTo(start);
        assertThat(f.end()).isEqualTo(start + span.length());
        assertThat(f.identifier().key()).isEqualTo(key);
        assertThat(f.source()).isEqualTo(source);
    }
}
