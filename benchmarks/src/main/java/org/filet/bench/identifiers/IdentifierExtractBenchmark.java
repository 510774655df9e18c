package org.filet.bench.identifiers;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.filet.identifiers.IdentifierExtractor;
import org.filet.identifiers.IdentifierKind;
import org.filet.identifiers.Identifiers;
import org.filet.identifiers.Platform;
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

/**
 * Identifier extraction over synthetic ~100-character chat messages (one in four with an invented identifier):
 * libphonenumber's {@code findNumbers} alone as the baseline, then the full extractor; and normalisation of a mix of
 * phones, e-mails, links and handles. Scores are per batch of {@code messages}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class IdentifierExtractBenchmark {

    @Param({"1000"})
    int messages;

    List<String> texts;
    List<String[]> inputs;
    IdentifierExtractor extractor;

    @Setup
    public void setUp() {
        texts = IdentifierBench.syntheticMessages(messages, 2026);
        inputs = IdentifierBench.syntheticInputs(messages, 2026);
        extractor = IdentifierExtractor.standard();
    }

    /** Baseline: phone numbers only, with libphonenumber at POSSIBLE leniency. */
    @Benchmark
    public long findNumbersOnly() {
        long n = 0;
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        for (String t : texts) {
            for (PhoneNumberMatch m : util.findNumbers(t, "FR", PhoneNumberUtil.Leniency.POSSIBLE, Long.MAX_VALUE)) {
                n += m.end();
            }
        }
        return n;
    }

    /** Links, e-mails, phone numbers and handles, normalised, with positions. */
    @Benchmark
    public long extract() {
        long n = 0;
        for (String t : texts) {
            n += extractor.extract(t, "FR").size();
        }
        return n;
    }

    /** One identifier of a declared kind per input. */
    @Benchmark
    public long normalise() {
        long n = 0;
        for (String[] in : inputs) {
            n += Identifiers.normalise(
                                    IdentifierKind.valueOf(in[0]),
                                    in[1].isEmpty() ? null : Platform.fromCode(in[1]),
                                    in[2],
                                    "FR")
                            .isOk()
                    ? 1
                    : 0;
        }
        return n;
    }
}
