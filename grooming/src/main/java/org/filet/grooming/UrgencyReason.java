package org.filet.grooming;

import java.util.List;
import java.util.Objects;

/**
 * Why a conversation is urgent: the rule that fired, a plain reason and the messages behind it (empty when the
 * rule rests on case data such as the child's age).
 */
public record UrgencyReason(Rule rule, String reason, List<Integer> messageIndexes) {

    /**
     * The urgency rules. {@link #SEXTORTION}: a threat to share the child's images or messages, or a demand for
     * money, gift cards or more images backed by a threat or a deadline (the receipt page adds the sextortion advice);
     * {@link #THREAT_OR_SEXTORTION}: the other threats.
     */
    public enum Rule {
        MEETING_WITH_TIME_OR_PLACE,
        LOCATION_ASKED,
        THREAT_OR_SEXTORTION,
        SELF_HARM,
        CHILD_UNDER_AGE,
        SEXTORTION
    }

    public UrgencyReason {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(reason, "reason");
        messageIndexes = List.copyOf(messageIndexes);
    }
}
