package org.filet.server.intake;

import java.util.List;
import org.filet.conversation.Conversation;
import org.filet.grooming.RiskScorer;
import org.filet.grooming.Roles;
import org.filet.grooming.UrgencyReason;
import org.springframework.stereotype.Component;

/**
 * The urgency rules applied at once to what a reporter typed, so that the confirmation page can show whom to call
 * before any analysis has run. Cheap (well under a millisecond for a report's text); the full scoring follows.
 */
@Component
public class UrgencyCheck {

    private final RiskScorer scorer = RiskScorer.standard();

    /** Rules whose reasons call for the sextortion advice: threats to share images, demands for money or more images. */
    static final java.util.Set<String> SEXTORTION_RULES = java.util.Set.of("SEXTORTION", "THREAT_OR_SEXTORTION");

    /** Whether the texts (description, pasted messages) trip an urgency rule; the child's age may be null. */
    public boolean urgent(List<String> texts, Integer childAge) {
        return reasons(texts, childAge).stream().anyMatch(u -> u.rule() != UrgencyReason.Rule.CHILD_UNDER_AGE);
    }

    /**
     * Whether the texts show sextortion or threats to share images, so that the receipt page gives the reporter the
     * standard advice (do not pay, keep everything, do not delete the account, block and report, whom to call).
     */
    public boolean sextortion(List<String> texts, Integer childAge) {
        return reasons(texts, childAge).stream()
                .anyMatch(u -> SEXTORTION_RULES.contains(u.rule().name()));
    }

    private List<UrgencyReason> reasons(List<String> texts, Integer childAge) {
        List<String> said =
                texts.stream().filter(t -> t != null && !t.isBlank()).toList();
        if (said.isEmpty()) {
            return List.of();
        }
        Roles roles =
                childAge != null && childAge >= 0 && childAge <= 17 ? Roles.NONE.withChildAge(childAge) : Roles.NONE;
        return scorer.score(Conversation.ofLines(said), roles).urgencies();
    }
}
