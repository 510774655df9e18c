package org.filet.bench.chatexport;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.filet.chatexport.ChatImport;
import org.filet.chatexport.ImportOptions;
import org.filet.chatexport.UnreadableExport;
import org.filet.conversation.Conversation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * WhatsApp text import on synthetic Android exports. {@code decodeAndSplit} is the baseline (UTF-8 decoding and
 * line splitting only); {@code parse} is the full import (hashing, decoding, header scanning, classification).
 * Run: {@code java -jar benchmarks/target/benchmarks.jar WhatsAppImport}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class WhatsAppImportBenchmark {
    @Param({"1", "16"})
    public int megabytes;

    private byte[] text;

    @Setup(Level.Trial)
    public void setUp() {
        text = ChatImportBench.syntheticWhatsApp(megabytes << 20, 1);
    }

    @Benchmark
    public int decodeAndSplit() {
        String s = new String(text, StandardCharsets.UTF_8);
        int lines = 0;
        for (int i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) {
            lines++;
        }
        return lines;
    }

    @Benchmark
    public Conversation parse() throws UnreadableExport {
        return ChatImport.parse("bench", "bench.txt", text, ImportOptions.DEFAULT)
                .get(0);
    }
}
