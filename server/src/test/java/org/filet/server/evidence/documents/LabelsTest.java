package org.filet.server.evidence.documents;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class LabelsTest {

    @Test
    void everyKeyHasATextInBothLanguages() {
        for (Labels.Key key : Labels.Key.values()) {
            assertThat(Labels.of("fr").get(key)).as("fr %s", key).isNotBlank();
            assertThat(Labels.of("en").get(key)).as("en %s", key).isNotBlank();
        }
        assertThat(Labels.of("fr").get(Labels.Key.RECEIPT))
                .isNotEqualTo(Labels.of("en").get(Labels.Key.RECEIPT));
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "EN", "en-GB", "en_US", " en "})
    void englishForEnglishTags(String language) {
        assertThat(Labels.of(language).language()).isEqualTo("en");
        assertThat(Labels.of(language).colon()).isEqualTo(": ");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"fr", "fr-BE", "de", "", "english"})
    void frenchOtherwise(String language) {
        assertThat(Labels.of(language).language()).isEqualTo("fr");
        assertThat(Labels.of(language).colon()).isEqualTo(" : ");
    }

    @Test
    void knownValuesAreTranslatedAndUnknownOnesShownAsGiven() {
        Labels french = Labels.of("fr");

        assertThat(french.from("child")).isEqualTo("enfant");
        assertThat(french.from(null)).isEqualTo("inconnu");
        assertThat(french.from("grand-frère")).isEqualTo("grand-frère");
        assertThat(french.contactKind("EMAIL")).isEqualTo("courriel");
        assertThat(french.fileRole("derived")).isEqualTo("dérivé");
    }
}
