package org.filet.grooming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SignalLexiconTest {

    private static final ChatNormalizer NORMALIZER = ChatNormalizer.standard();
    private static final SignalLexicon LEXICON = SignalLexicon.standard();

    record Case(Signal signal, Language language, boolean fires, String phrase) {}

    static List<Case> cases() throws IOException {
        List<Case> cases = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                SignalLexiconTest.class.getResourceAsStream("signal_cases.tsv"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                cases.add(new Case(Signal.valueOf(f[0]), Language.ofCode(f[1]), f[2].equals("+"), f[3]));
            }
        }
        return cases;
    }

    static Stream<Arguments> caseArguments() throws IOException {
        return cases().stream().map(c -> Arguments.of(c.signal(), c.language(), c.fires(), c.phrase()));
    }

    @ParameterizedTest(name = "{0} {1} {2}: {3}")
    @MethodSource("caseArguments")
    void signalFiresOnlyOnItsPhrases(Signal signal, Language language, boolean fires, String phrase) {
        long mask = LEXICON.detect(NORMALIZER.normalize(phrase, language), language);
        assertThat(SignalLexicon.signals(mask).contains(signal))
                .as("%s on '%s' (normalised '%s')", signal, phrase, NORMALIZER.normalize(phrase, language))
                .isEqualTo(fires);
    }

    @Test
    void everySignalHasPositiveAndNegativeCasesInEveryLanguage() throws IOException {
        List<Case> cases = cases();
        for (Signal signal : Signal.values()) {
            for (Language language : Language.values()) {
                Set<Boolean> kinds = new java.util.HashSet<>();
                for (Case c : cases) {
                    if (c.signal() == signal && c.language() == language) {
                        kinds.add(c.fires());
                    }
                }
                assertThat(kinds).as("%s %s", signal, language).containsExactlyInAnyOrder(true, false);
            }
        }
    }

    @Test
    void indexedDetectionAgreesWithTryingEveryPattern() throws IOException {
        for (Case c : cases()) {
            String normalized = NORMALIZER.normalize(c.phrase(), c.language());
            EnumSet<Signal> reference = EnumSet.noneOf(Signal.class);
            for (LexiconPattern p : LEXICON.patterns()) {
                Language l = p.language();
                boolean applies = l == null || l == c.language() || l == Language.EN;
                if (applies && p.regex().matcher(normalized).find()) {
                    reference.add(p.signal());
                }
            }
            assertThat(SignalLexicon.signals(LEXICON.detect(normalized, c.language())))
                    .as(c.phrase())
                    .containsExactlyElementsOf(reference);
        }
    }

    @Test
    void patternCompilerRejectsMalformedPatterns() {
        assertThatThrownBy(() -> LexiconPattern.compile(Signal.TRUST, Language.EN, "ab* c"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("prefix");
        assertThatThrownBy(() -> LexiconPattern.compile(Signal.TRUST, Language.EN, "[a] ~2"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("required");
        assertThatThrownBy(() -> LexiconPattern.compile(Signal.TRUST, Language.EN, "Trust me"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lower-case");
    }

    @Test
    void optionalTokensAndGapsMatchAsDocumented() {
        LexiconPattern p = LexiconPattern.compile(Signal.TRUST, Language.EN, "you [can] ~2 trust me");
        assertThat(p.regex().matcher(" you trust me ").find()).isTrue();
        assertThat(p.regex().matcher(" you can really truly trust me ").find()).isTrue();
        assertThat(p.regex().matcher(" you can not ever really trust me ").find())
                .isFalse();
        assertThat(p.triggerKeys()).containsExactly("you");
    }
}
