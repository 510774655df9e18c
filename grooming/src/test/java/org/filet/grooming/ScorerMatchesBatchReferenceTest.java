package org.filet.grooming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.filet.conversation.Conversation;
import org.filet.conversation.Message;
import org.junit.jupiter.api.Test;

/** The streaming scorer agrees with the batch reference (counts, linear score, calibration) on mixed synthetic chats. */
class ScorerMatchesBatchReferenceTest {

    @Test
    void scoresMatchTheBatchReference() {
        List<Conversation> chats = chats(10, 40, 2012);
        List<Conversation> again = chats(10, 40, 2012);
        RiskScorer scorer = RiskScorer.standard();
        TriageModel model = TriageModel.bundled();
        MessageAnalyzer analyzer = MessageAnalyzer.standard();
        int withSignals = 0;
        for (int i = 0; i < chats.size(); i++) {
            assertThat(chats.get(i).messages()).isEqualTo(again.get(i).messages());
            RiskScore s = scorer.score(chats.get(i));
            List<String> texts =
                    chats.get(i).messages().stream().map(Message::text).toList();
            TriageModel.LayerKind layer = TriageModel.layerFor(s.language());
            double reference = model.probability(
                    model.linearScore(analyzer.count(texts, s.language(), model.weights()), layer), layer);
            assertThat(s.threshold()).isEqualTo(model.highThreshold(layer));
            assertThat(s.score()).isCloseTo(reference, within(1e-9));
            withSignals += s.signals().isEmpty() ? 0 : 1;
        }
        assertThat(withSignals).isPositive();
    }

    private static final String[] ORDINARY = {
        "did you do the maths homework",
        "lol that was so funny",
        "see you at school",
        "t'as fait les devoirs de maths",
        "mdr trop drôle",
        "on se capte au collège demain"
    };
    private static final String[] INDICATORS = {
        "how old r u?",
        "are you home alone?",
        "don't tell your parents",
        "send me a pic",
        "t'as quel âge ?",
        "le dis pas à tes parents",
        "envoie moi une photo"
    };

    /** Mild phrases, one in eight an indicator; the same for the same seed. */
    private static List<Conversation> chats(int count, int length, long seed) {
        Random random = new Random(seed);
        List<Conversation> chats = new ArrayList<>(count);
        for (int c = 0; c < count; c++) {
            List<String> lines = new ArrayList<>(length);
            for (int i = 0; i < length; i++) {
                lines.add(
                        random.nextInt(8) == 0
                                ? INDICATORS[random.nextInt(INDICATORS.length)]
                                : ORDINARY[random.nextInt(ORDINARY.length)]);
            }
            chats.add(Conversation.ofLines(lines));
        }
        return chats;
    }
}
