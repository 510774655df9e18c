package org.filet.bench.grooming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.filet.conversation.Conversation;
import org.filet.grooming.RiskScore;
import org.filet.grooming.RiskScorer;
import org.junit.jupiter.api.Test;

/** The triage workload is deterministic and the JMH benchmark's answer is the scorer's. */
class TriageBenchmarkTest {

    @Test
    void workloadIsDeterministicAndMixesIndicatorsIn() {
        List<Conversation> a = TriageBench.syntheticChats(20, 40, 2012);
        List<Conversation> b = TriageBench.syntheticChats(20, 40, 2012);
        RiskScorer scorer = RiskScorer.standard();
        int withSignals = 0;
        for (int i = 0; i < a.size(); i++) {
            assertThat(a.get(i).messages()).hasSize(40).isEqualTo(b.get(i).messages());
            RiskScore s = scorer.score(a.get(i));
            assertThat(s.score()).isBetween(0.0, 1.0);
            withSignals += s.signals().isEmpty() ? 0 : 1;
        }
        assertThat(withSignals).as("chats where an indicator phrase was found").isGreaterThan(10);
    }

    @Test
    void scoreIsTheSumOfTheScorersAnswers() {
        TriageBenchmark bench = new TriageBenchmark();
        bench.conversations = 20;
        bench.setUp();
        RiskScorer fresh = RiskScorer.standard();
        double expected = 0;
        for (Conversation c : TriageBench.syntheticChats(20, 40, 2012)) {
            expected += fresh.score(c).score();
        }
        assertThat(bench.score()).isCloseTo(expected, within(1e-9)).isPositive();
        assertThat(bench.signals()).as("signal bits found").isNotZero();
        assertThat(bench.normalizeOnly()).isPositive();
    }
}
