package org.filet.grooming;

import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * The triage of one conversation: calibrated risk in [0,1] from the model, the operating threshold that risk is
 * compared with (it depends on the model layer used for the language), the level (URGENT when an urgency rule
 * fired), the language the signals were read in, the signals with the messages carrying them, the urgency reasons,
 * and the index of the first message at which the conversation became an alert (model risk at or above the
 * operating threshold, or an urgency rule firing), if any, and the level's measured precision: among the measured
 * conversations of this language at this level, the share that were true grooming cases
 * ({@link TriageModel#levelPrecision}).
 */
public record RiskScore(
        double score,
        double threshold,
        RiskLevel level,
        Language language,
        List<SignalEvidence> signals,
        List<UrgencyReason> urgencies,
        OptionalInt firstAlertIndex,
        OptionalDouble levelPrecision) {

    public RiskScore {
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("score must be in [0,1], was " + score);
        }
        if (!(threshold > 0 && threshold < 1)) {
            throw new IllegalArgumentException("threshold must be in (0,1), was " + threshold);
        }
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(language, "language");
        signals = List.copyOf(signals);
        urgencies = List.copyOf(urgencies);
        Objects.requireNonNull(firstAlertIndex, "firstAlertIndex");
        Objects.requireNonNull(levelPrecision, "levelPrecision");
    }

    /**
     * "About N in 10": the measured precision of this level for this language, rounded to tenths of ten (0–10), or
     * empty when the level was not measured.
     */
    public OptionalInt levelInTen() {
        return levelPrecision.isPresent()
                ? OptionalInt.of((int) Math.round(levelPrecision.getAsDouble() * 10))
                : OptionalInt.empty();
    }

    /** Whether the model's risk reached the operating threshold (an alert even without urgency). */
    public boolean modelAlert() {
        return score >= threshold;
    }

    /** Whether the signal was found in any message. */
    public boolean has(Signal signal) {
        return signals.stream().anyMatch(e -> e.signal() == signal);
    }
}
