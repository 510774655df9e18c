package org.filet.grooming;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.filet.conversation.Conversation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Sextortion and the early stages a parent sees first, in every language (mild phrases written for these tests). */
class SextortionAndEarlyStagesTest {

    private static final RiskScorer SCORER = RiskScorer.standard();

    private static RiskScore score(String language, String... lines) {
        return SCORER.score(Conversation.ofLines(List.of(lines)), Optional.of(Language.ofCode(language)));
    }

    private static List<UrgencyReason.Rule> rules(RiskScore s) {
        return s.urgencies().stream().map(UrgencyReason::rule).toList();
    }

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "fr|salut ça va|je vais envoyer tes photos à tous tes amis",
                "fr|tu as 24h|envoie moi une carte steam de 50 euros",
                "fr|je veux un code paysafecard|sinon je le dis à tout le monde",
                "en|hey|i will send your pics to all your friends",
                "en|send me a google play card|you have 24 hours",
                "de|hallo|ich schicke deine Bilder an alle",
                "de|schick mir 50 Euro als Paysafecard|du hast eine Stunde",
                "nl|hoi|ik stuur je foto's naar al je vrienden",
                "nl|stuur me een cadeaukaart van 50 euro|je hebt een uur"
            })
    void sextortionRaisesItsOwnUrgencyReason(String language, String first, String second) {
        RiskScore s = score(language, first, second);
        assertThat(rules(s)).contains(UrgencyReason.Rule.SEXTORTION);
        assertThat(s.level()).isEqualTo(RiskLevel.URGENT);
        UrgencyReason reason = s.urgencies().stream()
                .filter(u -> u.rule() == UrgencyReason.Rule.SEXTORTION)
                .findFirst()
                .orElseThrow();
        assertThat(reason.messageIndexes()).isNotEmpty().allMatch(i -> i == 0 || i == 1);
        assertThat(reason.messageIndexes()).contains(1);
    }

    @Test
    void otherThreatsKeepTheirRuleAndAreNotSextortion() {
        RiskScore s = score("fr", "tu vas le regretter");
        assertThat(rules(s)).containsExactly(UrgencyReason.Rule.THREAT_OR_SEXTORTION);
        RiskScore en = score("en", "i will tell everyone");
        assertThat(rules(en)).containsExactly(UrgencyReason.Rule.THREAT_OR_SEXTORTION);
    }

    @Test
    void aDemandWithoutThreatOrDeadlineIsNotSextortion() {
        RiskScore s = score("fr", "envoie moi une carte steam de 50 euros");
        assertThat(s.has(Signal.EXTORTION_DEMAND)).isTrue();
        assertThat(rules(s)).doesNotContain(UrgencyReason.Rule.SEXTORTION);
        assertThat(rules(score("fr", "tu as 24h"))).isEmpty();
    }

    @Test
    void sextortionFollowsTheThreatSetting() {
        UrgencySettings off = new UrgencySettings(true, 2, true, false, false, true, 13);
        RiskScore s = new RiskScorer(TriageModel.bundled(), off)
                .score(Conversation.ofLines(List.of("ich schicke deine Bilder an alle")), Optional.of(Language.DE));
        assertThat(rules(s)).isEmpty();
    }

    @Test
    void aFrenchChatWhoseOnlyWarningIsMovingToAnotherAppIsAtLeastMedium() {
        RiskScore s = score(
                "fr",
                "salut",
                "salut ça va ?",
                "oui et toi",
                "tranquille tu fais quoi",
                "rien je m'ennuie",
                "on continue sur snap ? c'est mieux");
        assertThat(s.has(Signal.CHANNEL_MOVE)).isTrue();
        assertThat(s.level()).isEqualTo(RiskLevel.MEDIUM);
        assertThat(s.urgencies()).isEmpty();
        RiskScore ordinary = score(
                "fr",
                "salut",
                "salut ça va ?",
                "oui et toi",
                "tranquille tu fais quoi",
                "rien je m'ennuie",
                "on continue la partie ? c'est mieux");
        assertThat(ordinary.level()).isEqualTo(RiskLevel.LOW);
        assertThat(ordinary.signals()).isEmpty();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "en|add me on telegram",
                "en|lets continue on whatsapp",
                "de|lass uns auf WhatsApp schreiben",
                "nl|zullen we naar snapchat gaan"
            })
    void movingToAnotherAppMakesAChatMediumInEveryLanguage(String language, String line) {
        RiskScore s = score(language, "hallo", "hi", line);
        assertThat(s.has(Signal.CHANNEL_MOVE)).isTrue();
        assertThat(s.level()).isGreaterThanOrEqualTo(RiskLevel.MEDIUM);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "fr|tes parents ne comprendraient pas|je connais ta cousine",
                "de|deine Eltern würden das nicht verstehen|ich kenne deine Schwester",
                "nl|je ouders zouden het niet begrijpen|ik ken je nicht",
                "en|your parents wouldnt understand|i know your sister"
            })
    void isolationWithAClaimedAcquaintanceIsMediumInEveryLanguage(String language, String isolation, String claim) {
        RiskScore s = score(language, "hi", isolation, claim);
        assertThat(s.has(Signal.ISOLATION)).isTrue();
        assertThat(s.has(Signal.ACQUAINTANCE_CLAIMED)).isTrue();
        assertThat(s.level()).isGreaterThanOrEqualTo(RiskLevel.MEDIUM);
        assertThat(score(language, "hi", "ok").level()).isEqualTo(RiskLevel.LOW);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "fr|je connais ta cousine|ACQUAINTANCE_CLAIMED",
                "en|i know your sister|ACQUAINTANCE_CLAIMED",
                "de|ich kenne deine Schwester|ACQUAINTANCE_CLAIMED",
                "nl|ik ken je nicht|ACQUAINTANCE_CLAIMED",
                "fr|ta mère est au travail ?|ALONE_ASKED",
                "de|ist deine Mama zuhause?|ALONE_ASKED",
                "nl|is je moeder thuis?|ALONE_ASKED",
                "fr|t'as quel âge ?|AGE_ASKED",
                "de|wie alt bist du?|AGE_ASKED",
                "nl|hoe oud ben je?|AGE_ASKED"
            })
    void earlyStageQuestionsAndClaimsRaiseTheirSignal(String language, String line, Signal signal) {
        assertThat(score(language, line).has(signal)).isTrue();
    }

    @Test
    void aClaimedAcquaintanceWithAnotherTacticIsMedium() {
        RiskScore s = score("fr", "je connais ta cousine", "tu es seule chez toi ?");
        assertThat(s.level()).isGreaterThanOrEqualTo(RiskLevel.MEDIUM);
    }
}
