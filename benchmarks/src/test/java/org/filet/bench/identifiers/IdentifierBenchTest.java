package org.filet.bench.identifiers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.filet.identifiers.IdentifierKind;
import org.filet.identifiers.Identifiers;
import org.filet.identifiers.Platform;
import org.junit.jupiter.api.Test;

class IdentifierBenchTest {

    @Test
    void printsOneFigurePerLine() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        IdentifierBench.run(new PrintStream(bytes, true, StandardCharsets.UTF_8), 0.01);

        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines)
                .extracting(l -> l.split(" ")[0])
                .containsExactly(
                        "identifiers.extract_per_s",
                        "identifiers.extract_chars_per_message",
                        "identifiers.find_numbers_only_per_s",
                        "identifiers.normalise_per_s");
        assertThat(lines).allMatch(l -> l.matches("[a-z_.]+ [1-9][0-9]* [a-z/]+"));
    }

    @Test
    void syntheticDataIsDeterministicAndMessagesAreAboutAHundredChars() {
        List<String> a = IdentifierBench.syntheticMessages(200, 5);

        assertThat(a).isEqualTo(IdentifierBench.syntheticMessages(200, 5));
        assertThat(a.stream().mapToInt(String::length).average().orElse(0)).isBetween(90.0, 130.0);
        assertThat(IdentifierBench.syntheticInputs(200, 5))
                .allSatisfy(in -> assertThat(Identifiers.normalise(
                                        IdentifierKind.valueOf(in[0]),
                                        in[1].isEmpty() ? null : Platform.fromCode(in[1]),
                                        in[2],
                                        "FR")
                                .isOk())
                        .as(in[0])
                        .isTrue());
    }
}
