package org.filet.server.triage;

import java.util.Locale;
import java.util.OptionalInt;

import org.filet.grooming.Language;
import org.filet.grooming.TriageModel;

/**
 * What a level means, the only place that says it: among the conversations of our measurement data that the model put
 * at this level, about how many in ten were confirmed cases (the level's precision, rounded to tenths). The page
 * words it as "parmi les conversations de ce niveau, environ N sur 10 étaient des cas avérés dans nos données de
 * mesure"; the figure depends on how common grooming was in that data, which is why the sentence names it.
 *
 * <p>Today's figures were measured with the bundled model on the labelled dev segments under
 * {@code ../shared/data/grooming/dev} (each segment scored by {@code RiskScorer.standard()}, its level taken apart
 * from urgency): the full layer (English) on {@code vtpan_en_dev.csv} — high 77 of 79, medium 12 of 111, low 6 of
 * 600; the signals-only layer (French, German, Dutch) on {@code vtpan_de_dev.csv} and {@code vtpan_nl_dev.csv} —
 * medium 36 of 161, low 90 of 883, high 2 of 2 (too few to say anything: no figure is shown). When the model carries
 * its own per-level calibrated precision, {@link #precision} is the one method to rewire to it.
 */
public final class LevelMeaning {

    /** Fewer measured conversations than this at a level, and the page says nothing of its meaning. */
    static final int MIN_MEASURED = 20;

    private LevelMeaning() {
    }

    /** About how many in ten conversations at this level were confirmed cases; empty when not measured. */
    public static OptionalInt inTen(String level, String language) {
        double p = precision(level, layerOf(language));
        return Double.isNaN(p) ? OptionalInt.empty() : OptionalInt.of((int) Math.round(p * 10));
    }

    /** The measured precision of a level for a layer of the model, NaN when too few conversations were measured. */
    static double precision(String level, TriageModel.LayerKind layer) {
        int[] measured = switch (layer) {
            case FULL -> switch (level) {
                case "high" -> new int[] {77, 79};
                case "medium" -> new int[] {12, 111};
                default -> new int[] {6, 600};
            };
            case SIGNALS_ONLY -> switch (level) {
                case "high" -> new int[] {2, 2};
                case "medium" -> new int[] {36, 161};
                default -> new int[] {90, 883};
            };
        };
        return measured[1] < MIN_MEASURED ? Double.NaN : (double) measured[0] / measured[1];
    }

    /** The model's layer for a conversation's language ({@code en}, {@code fr}…); unknown languages as non-English. */
    static TriageModel.LayerKind layerOf(String language) {
        if (language == null) {
            return TriageModel.LayerKind.SIGNALS_ONLY;
        }
        try {
            return TriageModel.layerFor(Language.valueOf(language.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return TriageModel.LayerKind.SIGNALS_ONLY;
        }
    }
}
