package org.filet.grooming;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.filet.conversation.Conversation;
import org.filet.conversation.Message;
import org.filet.conversation.MessageKind;
import org.junit.jupiter.api.Test;

class RiskScorerTest {

    private static Conversation chat(String... lines) {
        return Conversation.ofLines(List.of(lines));
    }

    /** A model whose hashed weights are zero, so the score comes from signal weights alone. */
    private static TriageModel signalOnlyModel() {
        float[] signals = new float[Signal.values().length];
        signals[Signal.SECRECY.ordinal()] = 4;
        signals[Signal.PHOTO_REQUEST.ordinal()] = 4;
        return new TriageModel(new float[FeatureHasher.SIZE], signals, -5, 1, 0, 0.3f, 0.5f);
    }

    @Test
    void firstAlertIndexIsTheFirstPrefixWhoseBatchScoreCrossesTheThreshold() {
        TriageModel model = signalOnlyModel();
        Conversation c = chat("hi", "how was school", "don't tell your parents", "ok", "send me a pic", "bye");
        RiskScore score = new RiskScorer(model).score(c, Optional.of(Language.EN));
        MessageAnalyzer analyzer = MessageAnalyzer.standard();
        int expected = -1;
        List<String> prefix = new ArrayList<>();
        for (Message m : c.messages()) {
            prefix.add(m.text());
            double p = model.probability(model.linearScore(analyzer.count(prefix, Language.EN, model.weights())));
            if (expected < 0 && p >= model.highThreshold()) {
                expected = m.index();
            }
        }
        assertThat(expected).isEqualTo(4);
        assertThat(score.firstAlertIndex()).hasValue(expected);
        assertThat(score.level()).isEqualTo(RiskLevel.HIGH);
    }

    @Test
    void incrementalScoreEqualsBatchScoreWithTheBundledModel() {
        TriageModel model = TriageModel.bundled();
        Conversation c = chat(
                "hey whats up",
                "how old r u?",
                "ur so mature for ur age",
                "don't tell ur mom",
                "add me on snap",
                "i like football",
                "what school do u go to?");
        RiskScore score = new RiskScorer(model).score(c, Optional.of(Language.EN));
        List<String> texts = c.messages().stream().map(Message::text).toList();
        double batch = model.probability(
                model.linearScore(MessageAnalyzer.standard().count(texts, Language.EN, model.weights())));
        assertThat(score.score()).isCloseTo(batch, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void otherLanguagesUseTheSignalsOnlyLayer() {
        TriageModel model = TriageModel.bundled();
        Conversation c = chat("t'as quel âge ?", "t'es toute seule chez toi ?", "envoie moi une photo");
        RiskScore score = new RiskScorer(model).score(c, Optional.of(Language.FR));
        TriageModel.LayerKind layer = TriageModel.LayerKind.SIGNALS_ONLY;
        double reference = model.probability(
                model.linearScore(
                        MessageAnalyzer.standard()
                                .count(c.messages().stream().map(Message::text).toList(), Language.FR, model.weights()),
                        layer),
                layer);
        assertThat(score.score()).isCloseTo(reference, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(score.threshold()).isEqualTo(model.highThreshold(layer));
        assertThat(TriageModel.layerFor(Language.EN)).isEqualTo(TriageModel.LayerKind.FULL);
    }

    @Test
    void signalsCarryTheExactMessageIndexes() {
        // media without text (3, 6) are skipped, and the indexes stay the conversation's
        Conversation c = Conversation.of(List.of(
                Message.text(0, "a", "slt"),
                Message.text(1, "b", "cc"),
                Message.text(2, "a", "t'as quel âge ?"),
                Message.builder(3, MessageKind.MEDIA).sender("a").build(),
                Message.text(4, "a", "le dis pas à tes parents"),
                Message.text(5, "a", "envoie moi une photo stp"),
                Message.builder(6, MessageKind.MEDIA).sender("b").build(),
                Message.text(7, "a", "ajoute moi sur snap")));
        RiskScore score = RiskScorer.standard().score(c);
        assertThat(score.language()).isEqualTo(Language.FR);
        assertThat(score.signals())
                .contains(
                        new SignalEvidence(Signal.AGE_ASKED, List.of(2)),
                        new SignalEvidence(Signal.SECRECY, List.of(4)),
                        new SignalEvidence(Signal.PHOTO_REQUEST, List.of(5)),
                        new SignalEvidence(Signal.CHANNEL_MOVE, List.of(7)));
    }

    @Test
    void groomingPhrasesScoreAboveOrdinaryChat() {
        RiskScorer scorer = RiskScorer.standard();
        RiskScore grooming = scorer.score(chat(
                "how old r u?",
                "ur so pretty",
                "are you home alone?",
                "don't tell your parents about me",
                "send me a pic",
                "we should meet up tomorrow at the park"));
        RiskScore ordinary = scorer.score(chat(
                "did you do the maths homework?",
                "yes it was long",
                "football practice tomorrow?",
                "yes at 5, bring the ball"));
        assertThat(grooming.score()).isGreaterThan(ordinary.score());
        assertThat(ordinary.level()).isNotEqualTo(RiskLevel.URGENT);
    }

    @Test
    void meetingWithTimeOrPlaceIsUrgentWithItsMessages() {
        RiskScore score = RiskScorer.standard().score(chat("hello", "we should meet up", "ok", "tomorrow at the park"));
        assertThat(score.level()).isEqualTo(RiskLevel.URGENT);
        assertThat(score.urgencies()).singleElement().satisfies(u -> {
            assertThat(u.rule()).isEqualTo(UrgencyReason.Rule.MEETING_WITH_TIME_OR_PLACE);
            assertThat(u.messageIndexes()).containsExactly(1, 3);
        });
        assertThat(score.firstAlertIndex()).hasValue(3);
    }

    @Test
    void meetingFarFromAnyTimeIsNotUrgent() {
        RiskScore score =
                RiskScorer.standard().score(chat("see you tomorrow", "a", "b", "c", "d", "we should meet up"));
        assertThat(score.urgencies()).noneMatch(u -> u.rule() == UrgencyReason.Rule.MEETING_WITH_TIME_OR_PLACE);
    }

    @Test
    void addressAskedIsUrgentUnlessTheChildAsksIt() {
        Conversation c =
                Conversation.of(List.of(Message.text(0, "kid", "where do you live?"), Message.text(1, "adult", "hi")));
        assertThat(RiskScorer.standard().score(c).urgencies())
                .extracting(UrgencyReason::rule)
                .containsExactly(UrgencyReason.Rule.LOCATION_ASKED);
        assertThat(RiskScorer.standard().score(c, Roles.NONE.withChild("kid")).urgencies())
                .isEmpty();
    }

    @Test
    void threatsSelfHarmAndYoungChildAreUrgent() {
        Conversation c = chat("i will tell everyone", "i want to die");
        assertThat(RiskScorer.standard().score(c, Roles.NONE.withChildAge(11)).urgencies())
                .extracting(UrgencyReason::rule)
                .containsExactly(
                        UrgencyReason.Rule.THREAT_OR_SEXTORTION,
                        UrgencyReason.Rule.SELF_HARM,
                        UrgencyReason.Rule.CHILD_UNDER_AGE);
    }

    @Test
    void rulesSwitchedOffDoNotFire() {
        UrgencySettings off = new UrgencySettings(false, 2, false, false, false, false, 0);
        Conversation c =
                chat("we should meet up tomorrow", "where do you live?", "i will tell everyone", "i want to die");
        assertThat(new RiskScorer(TriageModel.bundled(), off)
                        .score(c, Roles.NONE.withChildAge(11))
                        .urgencies())
                .isEmpty();
    }

    @Test
    void casualWhereAreYouIsOnlyUrgentWhenConfigured() {
        Conversation c = chat("t'es où ?");
        assertThat(RiskScorer.standard().score(c, Optional.of(Language.FR)).urgencies())
                .isEmpty();
        UrgencySettings strict = new UrgencySettings(true, 2, true, true, true, true, 13);
        assertThat(new RiskScorer(TriageModel.bundled(), strict)
                        .score(c, Optional.of(Language.FR))
                        .urgencies())
                .extracting(UrgencyReason::rule)
                .containsExactly(UrgencyReason.Rule.LOCATION_ASKED);
    }

    @Test
    void twoDistinctTacticsMakeAConversationMediumWhateverTheModelSays() {
        TriageModel silent = new TriageModel(
                new float[FeatureHasher.SIZE], new float[Signal.values().length], -20, 1, 0, 0.3f, 0.5f);
        RiskScorer scorer = new RiskScorer(silent);
        assertThat(scorer.score(chat("hi", "don't tell your parents")).level()).isEqualTo(RiskLevel.LOW);
        assertThat(scorer.score(chat("don't tell your parents", "add me on snap"))
                        .level())
                .isEqualTo(RiskLevel.MEDIUM);
        assertThat(scorer.score(chat("how old r u?", "where are you from?", "tomorrow at 5"))
                        .level())
                .isEqualTo(RiskLevel.LOW);
        assertThat(scorer.score(chat("don't tell your parents", "add me on snap"))
                        .firstAlertIndex())
                .isEmpty();
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}: {1} / {2}")
    @org.junit.jupiter.params.provider.CsvSource(
            delimiter = '|',
            value = {
                "en|hi|ok", "en|see you at school tomorrow|ok bye", "en|did you finish the homework|yes",
                "de|hallo|ok", "de|hast du die Hausaufgaben?|ja", "de|bis morgen in der Schule|ok tschüss",
                "nl|hoi|ok", "nl|heb je het huiswerk?|ja", "nl|tot morgen op school|oke doei",
                "fr|salut|ok", "fr|t'as fait les devoirs ?|oui"
            })
    void shortOrdinaryChatsAreLowInEveryLanguage(String language, String first, String second) {
        RiskScore s = RiskScorer.standard().score(chat(first, second), Optional.of(Language.ofCode(language)));
        assertThat(s.modelAlert()).as("score %s", s.score()).isFalse();
        assertThat(s.level()).isEqualTo(RiskLevel.LOW);
    }

    @Test
    void emptyConversationIsLowWithoutAlert() {
        RiskScore score = RiskScorer.standard().score(Conversation.of(List.of()));
        assertThat(score.level()).isIn(RiskLevel.LOW, RiskLevel.MEDIUM);
        assertThat(score.firstAlertIndex()).isEmpty();
        assertThat(score.signals()).isEmpty();
    }

    @Test
    void toStringsHideChatText() {
        Message m = Message.text(0, "a", "secret words");
        assertThat(m.toString()).doesNotContain("secret");
        assertThat(Conversation.of(List.of(m)).toString()).doesNotContain("secret");
    }
}
