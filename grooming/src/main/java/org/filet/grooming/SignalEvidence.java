package org.filet.grooming;

import java.util.List;
import java.util.Objects;

/** A signal and the indexes of the messages that carry it, in conversation order. */
public record SignalEvidence(Signal signal, List<Integer> messageIndexes) {

    public SignalEvidence {
        Objects.requireNonNull(signal, "signal");
        messageIndexes = List.copyOf(messageIndexes);
        if (messageIndexes.isEmpty()) {
            throw new IllegalArgumentException("evidence needs at least one message index");
        }
    }
}
