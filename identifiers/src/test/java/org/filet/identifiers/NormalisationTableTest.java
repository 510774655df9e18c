package org.filet.identifiers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reads {@code normalisation.tsv} (declared kind[/platform], input, default region, expected {@link Identifier#key()}
 * or {@code !REJECTION}) and checks every row through {@link Identifiers#normalise}.
 */
class NormalisationTableTest {

    static Stream<Arguments> rows() throws IOException {
        List<Arguments> rows = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                NormalisationTableTest.class.getResourceAsStream("normalisation.tsv"), StandardCharsets.UTF_8))) {
            int lineNo = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNo++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (f.length != 4) {
                    throw new IllegalStateException("normalisation.tsv:" + lineNo + " needs 4 tab-separated fields");
                }
                rows.add(Arguments.of(lineNo, f[0], f[1], f[2], f[3]));
            }
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "line {0}: {1} {2} ({3}) -> {4}")
    @MethodSource("rows")
    void normalisesAsTheTableSays(int line, String declared, String input, String region, String expected) {
        int slash = declared.indexOf('/');
        IdentifierKind kind = IdentifierKind.valueOf(slash < 0 ? declared : declared.substring(0, slash));
        Platform platform = slash < 0 ? null : Platform.fromCode(declared.substring(slash + 1));
        if (slash >= 0) {
            assertThat(platform).as("platform code in line %d", line).isNotNull();
        }

        Parsed<Identifier> parsed = Identifiers.normalise(kind, platform, input, region);

        if (expected.startsWith("!")) {
            assertThat(parsed.rejection()).as("line %d", line).contains(Rejection.valueOf(expected.substring(1)));
        } else {
            Identifier id = parsed.orElseThrow();
            assertThat(id.key()).as("line %d", line).isEqualTo(expected);
            assertThat(id.original()).isEqualTo(input);
            assertThat(id.toString()).as("toString of line %d", line).doesNotContain(id.value(), input.strip());
            String account = id.value().substring(id.value().indexOf(':') + 1);
            if (account.length() >= 4) {
                assertThat(id.toString()).as("toString of line %d", line).doesNotContainIgnoringCase(account);
            }
        }
    }

    @Test
    void tableCoversEveryPlatformAndTheRequiredRegions() throws IOException {
        List<String> expectations = rows().map(a -> (String) a.get()[4]).toList();
        for (Platform p : Platform.values()) {
            if (p != Platform.WHATSAPP) {
                assertThat(expectations).as(p.name()).anyMatch(e -> e.startsWith("ACCOUNT/" + p.code() + "/"));
            }
        }
        List<String> regions = rows().filter(a -> a.get()[1].equals("PHONE") && !((String) a.get()[4]).startsWith("!"))
                .map(a -> ((String) a.get()[3]).toUpperCase(Locale.ROOT))
                .toList();
        assertThat(regions).contains("FR", "BE", "CH", "LU", "MU", "CA", "US", "GB");
    }

    @Test
    void normalisingIsIdempotentForEveryAcceptedRow() throws IOException {
        rows().filter(a -> !((String) a.get()[4]).startsWith("!")).forEach(a -> {
            String declared = (String) a.get()[1];
            Identifier first = Identifiers.normalise(
                            IdentifierKind.valueOf(declared.split("/")[0]),
                            declared.contains("/") ? Platform.fromCode(declared.split("/")[1]) : null,
                            (String) a.get()[2],
                            (String) a.get()[3])
                    .orElseThrow();
            if (first.kind() == IdentifierKind.ACCOUNT
                    && first.platform().isPresent()
                    && !first.value().contains(":")) {
                assertThat(Handles.parse(first.platform().get(), first.value()).orElseThrow())
                        .isEqualTo(first);
            } else if (first.kind() == IdentifierKind.PHONE) {
                assertThat(Phones.parse(first.value(), "ZZ").orElseThrow().identifier())
                        .isEqualTo(first);
            } else if (first.kind() == IdentifierKind.EMAIL) {
                assertThat(Emails.parse(first.value()).orElseThrow().identifier())
                        .isEqualTo(first);
            } else if (first.kind() == IdentifierKind.URL) {
                assertThat(ProfileLinks.parse(first.value()).orElseThrow()).isEqualTo(first);
            }
            assertThat(Identifier.restore(first.kind(), first.platform().orElse(null), first.value(), "stored")
                            .orElseThrow())
                    .isEqualTo(first);
        });
    }
}
