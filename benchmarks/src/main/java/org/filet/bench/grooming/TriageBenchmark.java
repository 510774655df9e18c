package org.filet.bench.grooming;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.filet.conversation.Conversation;
import org.filet.conversation.Message;
import org.filet.grooming.ChatNormalizer;
import org.filet.grooming.Language;
import org.filet.grooming.RiskScorer;
import org.filet.grooming.SignalLexicon;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Grooming triage over synthetic 40-message chats: normalisation alone, signals, and the full score. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class TriageBenchmark {

    @Param({"100"})
    int conversations;

    List<Conversation> chats;
    RiskScorer scorer;

    @Setup
    public void setUp() {
        chats = TriageBench.syntheticChats(conversations, 40, 2012);
        scorer = RiskScorer.standard();
    }

    /** Baseline: normalising every message. */
    @Benchmark
    public long normalizeOnly() {
        long chars = 0;
        for (Conversation c : chats) {
            for (Message m : c.messages()) {
                chars += ChatNormalizer.standard()
                        .normalize(m.text(), Language.EN)
                        .length();
            }
        }
        return chars;
    }

    /** Normalising and finding the signals of every message. */
    @Benchmark
    public long signals() {
        long found = 0;
        for (Conversation c : chats) {
            for (Message m : c.messages()) {
                found |= SignalLexicon.standard()
                        .detect(ChatNormalizer.standard().normalize(m.text(), Language.EN), Language.EN);
            }
        }
        return found;
    }

    /** The full score: signals, model, urgency rules, first alert index. */
    @Benchmark
    public double score() {
        double sum = 0;
        for (Conversation c : chats) {
            sum += scorer.score(c).score();
        }
        return sum;
    }
}
