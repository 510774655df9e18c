package org.filet.grooming;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChatNormalizerTest {

    private final ChatNormalizer normalizer = ChatNormalizer.standard();

    @Test
    void expandsEnglishChatSpelling() {
        assertThat(normalizer.normalize("r u OK?? send me a pic plz", Language.EN))
                .isEqualTo(" are you okay ? ? send me a picture please ");
        assertThat(normalizer.normalize("ur so cute", Language.EN)).isEqualTo(" your so cute ");
    }

    @Test
    void foldsFrenchAccentsAndJoinsElisions() {
        assertThat(normalizer.normalize("T'as quel âge ?", Language.FR)).isEqualTo(" tas quel age ? ");
        assertThat(normalizer.normalize("slt stp tes ou", Language.FR)).isEqualTo(" salut s il te plait tes ou ");
        assertThat(normalizer.normalize("kel collège", Language.FR)).isEqualTo(" quel college ");
    }

    @Test
    void expandsFrenchPhoneticSpelling() {
        assertThat(ChatNormalizer.standard().normalize("t ou ? tfk", Language.FR))
                .isEqualTo(" tes ou ? tu fais quoi ");
        assertThat(ChatNormalizer.standard().normalize("jtm bi1 mwa", Language.FR))
                .isEqualTo(" je taime bien moi ");
        assertThat(ChatNormalizer.standard().normalize("t ou", Language.EN)).isEqualTo(" t ou ");
    }

    @Test
    void collapsesRepeatedLetters() {
        assertThat(normalizer.normalize("sooo cooool ouiiiii", Language.EN)).isEqualTo(" so cool oui ");
        assertThat(normalizer.normalize("1000 euros", Language.FR)).isEqualTo(" 1000 euros ");
    }

    @Test
    void foldsGermanAndDutch() {
        assertThat(normalizer.normalize("Süß, Straße, größer", Language.DE)).isEqualTo(" suss strasse grosser ");
        assertThat(normalizer.normalize("ff wachten, wrm?", Language.NL)).isEqualTo(" even wachten waarom ? ");
    }

    @Test
    void mapsEmojiAndEmoticonsToTokens() {
        assertThat(normalizer.normalize("coucou 😘😘 ;) <3 📸", Language.FR))
                .isEqualTo(" coucou emo_kiss emo_kiss emo_wink emo_love emo_camera ");
        assertThat(normalizer.normalize("ok 👍🏽", Language.EN)).isEqualTo(" okay ");
    }

    @Test
    void languageDetectionWorksOnShortChats() {
        assertThat(Language.detect(java.util.List.of(ChatNormalizer.fold("t'as quel âge ?"))))
                .isEqualTo(Language.FR);
        assertThat(Language.detect(java.util.List.of(ChatNormalizer.fold("wie alt bist du?"))))
                .isEqualTo(Language.DE);
        assertThat(Language.detect(java.util.List.of(ChatNormalizer.fold("hoe oud ben je?"))))
                .isEqualTo(Language.NL);
        assertThat(Language.detect(java.util.List.of(ChatNormalizer.fold("how old r u?"))))
                .isEqualTo(Language.EN);
    }

    @Test
    void languageDetectionUsesFunctionWords() {
        assertThat(Language.detect(java.util.List.of(ChatNormalizer.fold("salut tu fais quoi ce soir, moi je suis"))))
                .isEqualTo(Language.FR);
        assertThat(Language.detect(java.util.List.of(ChatNormalizer.fold("what are you doing tonight"))))
                .isEqualTo(Language.EN);
        assertThat(Language.detect(java.util.List.of(ChatNormalizer.fold("was machst du heute, ich bin müde"))))
                .isEqualTo(Language.DE);
        assertThat(Language.detect(java.util.List.of(ChatNormalizer.fold("wat doe je vandaag, ik ben moe"))))
                .isEqualTo(Language.NL);
    }
}
