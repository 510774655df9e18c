package org.filet.identifiers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EmailsTest {

    @Test
    void gmailDotsTagsAndDomainAliasAreVariantsNotMerged() {
        Email email = Emails.parse("Fake.User+Club@GoogleMail.com").orElseThrow();

        assertThat(email.normalised()).isEqualTo("fake.user+club@googlemail.com");
        assertThat(variants(email))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        Email.Rule.DOTS_IGNORED, "fakeuser+club@googlemail.com",
                        Email.Rule.SUBADDRESS_REMOVED, "fake.user@googlemail.com",
                        Email.Rule.DOMAIN_ALIAS, "fake.user+club@gmail.com"));
        assertThat(email.canonicalForMatching().value()).isEqualTo("fakeuser@gmail.com");
        assertThat(email.identifier()).isNotEqualTo(email.canonicalForMatching());
    }

    @Test
    void outlookKeepsDotsAndDropsTags() {
        Email email = Emails.parse("fake.user+shop@hotmail.fr").orElseThrow();

        assertThat(variants(email))
                .containsExactlyEntriesOf(Map.of(Email.Rule.SUBADDRESS_REMOVED, "fake.user@hotmail.fr"));
        assertThat(email.canonicalForMatching().value()).isEqualTo("fake.user@hotmail.fr");
    }

    @Test
    void yahooUsesHyphenAndAppleDomainsAreAliases() {
        assertThat(Emails.parse("fakeuser-shop@yahoo.com")
                        .orElseThrow()
                        .canonicalForMatching()
                        .value())
                .isEqualTo("fakeuser@yahoo.com");
        assertThat(variants(Emails.parse("fake@me.com").orElseThrow()))
                .containsExactlyEntriesOf(Map.of(Email.Rule.DOMAIN_ALIAS, "fake@icloud.com"));
    }

    @Test
    void otherDomainsHaveNoVariantsBecauseTheirRulesAreUnknown() {
        Email email = Emails.parse("Fake.User+tag@Example.org").orElseThrow();

        assertThat(email.variants()).isEmpty();
        assertThat(email.canonicalForMatching()).isEqualTo(email.identifier());
        assertThat(email.normalised()).isEqualTo("fake.user+tag@example.org");
    }

    @Test
    void providerNamesCountOnlyUnderTheirOwnSuffixes() {
        assertThat(Emails.parse("fake+x@live.example.org").orElseThrow().variants())
                .isEmpty();
        assertThat(Emails.parse("fake-x@yahoo.example.net").orElseThrow().variants())
                .isEmpty();
        assertThat(Emails.parse("fake+x@outlook.co.uk")
                        .orElseThrow()
                        .canonicalForMatching()
                        .value())
                .isEqualTo("fake@outlook.co.uk");
    }

    @Test
    void internationalDomainGoesToAscii() {
        assertThat(Emails.parse("Fake@Bücher.example").orElseThrow().normalised())
                .isEqualTo("fake@xn--bcher-kva.example");
    }

    /** Reference for Gmail: remove every dot and everything from the first '+', fold case, gmail.com. */
    @ParameterizedTest
    @CsvSource({"a.b.c+x+y@gmail.com", "ABC@googlemail.com", "a.b+@gmail.com", "x+.y@gmail.com", "f.a.k.e@gmail.com"})
    void gmailCanonicalMatchesASimpleReference(String address) {
        String local = address.substring(0, address.indexOf('@')).toLowerCase(Locale.ROOT);
        int plus = local.indexOf('+');
        String expected = (plus > 0 ? local.substring(0, plus) : local).replace(".", "") + "@gmail.com";

        assertThat(Emails.parse(address).orElseThrow().canonicalForMatching().value())
                .isEqualTo(expected);
    }

    @Test
    void toStringNeverShowsTheAddress() {
        Email email = Emails.parse("fake.user+club@gmail.com").orElseThrow();

        assertThat(email.toString()).doesNotContain("fake", "club", "gmail");
        assertThat(Emails.parse("fake.user@gmail.com").toString()).doesNotContain("fake");
    }

    private static Map<Email.Rule, String> variants(Email email) {
        return email.variants().stream()
                .collect(Collectors.toMap(Email.Variant::rule, v -> v.address().value()));
    }
}
