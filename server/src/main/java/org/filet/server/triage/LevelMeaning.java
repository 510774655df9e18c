package org.filet.server.triage;

import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.filet.grooming.Language;
import org.filet.grooming.RiskLevel;
import org.filet.grooming.TriageModel;

/**
 * What a level means, the only place that says it: among the conversations of our measurement data that the model put
 * at this level, about how many in ten were confirmed cases (the level's precision, rounded to tenths). The page
 * words it as "parmi les conversations de ce niveau, environ N sur 10 étaient des cas avérés dans nos données de
 * mesure"; the figure depends on how common grooming was in that data, which is why the sentence names it.
 *
 * <p>The figures are the bundled model's own per-language, per-level calibrated precision, cross-validated on the
 * labelled segments (see {@code grooming/MODEL_CARD.md}); a level the model did not measure says nothing.
 */
public final class LevelMeaning {

    private static final TriageModel MODEL = TriageModel.bundled();

    private LevelMeaning() {}

    /** About how many in ten conversations at this level were confirmed cases; empty when not measured. */
    public static OptionalInt inTen(String level, String language) {
        OptionalDouble p = precision(level, languageOf(language));
        return p.isEmpty() ? OptionalInt.empty() : OptionalInt.of((int) Math.round(p.getAsDouble() * 10));
    }

    static OptionalDouble precision(String level, Language language) {
        RiskLevel parsed;
        try {
            parsed = RiskLevel.valueOf(level.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            return OptionalDouble.empty();
        }
        return MODEL.levelPrecision(language, parsed);
    }

    /** The conversation's language ({@code en}, {@code fr}…); an unknown one is read as French, the default. */
    static Language languageOf(String language) {
        if (language == null) {
            return Language.FR;
        }
        try {
            return Language.valueOf(language.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Language.FR;
        }
    }
}
