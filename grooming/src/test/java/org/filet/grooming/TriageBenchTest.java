package org.filet.grooming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs the benchmark's workload once and checks its answer against the batch reference. */
class TriageBenchTest {

  @Test
  void benchmarkWorkloadIsDeterministicAndScoredCorrectly() {
    List<Conversation> chats = TriageBench.syntheticChats(10, 40, 2012);
    List<Conversation> again = TriageBench.syntheticChats(10, 40, 2012);
    RiskScorer scorer = RiskScorer.standard();
    TriageModel model = TriageModel.bundled();
    MessageAnalyzer analyzer = MessageAnalyzer.standard();
    int withSignals = 0;
    for (int i = 0; i < chats.size(); i++) {
      assertThat(chats.get(i).messages()).isEqualTo(again.get(i).messages());
      RiskScore s = scorer.score(chats.get(i));
      List<String> texts = chats.get(i).messages().stream().map(Message::text).toList();
      TriageModel.LayerKind layer = TriageModel.layerFor(s.language());
      double reference = model.probability(
          model.linearScore(analyzer.count(texts, s.language(), model.weights()), layer), layer);
      assertThat(s.threshold()).isEqualTo(model.highThreshold(layer));
      assertThat(s.score()).isCloseTo(reference, within(1e-9));
      withSignals += s.signals().isEmpty() ? 0 : 1;
    }
    assertThat(withSignals).isPositive();
  }
}
