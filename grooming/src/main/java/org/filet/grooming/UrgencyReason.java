package org.filet.grooming;

import java.util.List;
import java.util.Objects;

/**
 * Why a conversation is urgent: the rule that fired, a plain reason and the messages behind it (empty when the
 * rule rests on case data such as the child's age).
 */
public record UrgencyReason(Rule rule, String reason, List<Integer> messageIndexes) {

  /** The urgency rules. */
  public enum Rule { MEETING_WITH_TIME_OR_PLACE, LOCATION_ASKED, THREAT_OR_SEXTORTION, SELF_HARM, CHILD_UNDER_AGE }

  public UrgencyReason {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(reason, "reason");
    messageIndexes = List.copyOf(messageIndexes);
  }
}
