package org.filet.server.intake;

import jakarta.servlet.http.HttpServletRequest;
import org.filet.server.people.ClientAddress;
import org.filet.server.people.Throttle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Anonymous intake per client address, with a burst allowance ({@code filet.throttle.intake-*}). A report over the
 * limit is refused (429, when to retry), except one that says a child is in immediate danger: that one is always kept,
 * and flagged as sent over the limit.
 */
@Component
class IntakeLimit {

    private static final Logger log = LoggerFactory.getLogger(IntakeLimit.class);

    private final Throttle throttle;
    private final ClientAddress address;

    IntakeLimit(Throttle throttle, ClientAddress address) {
        this.throttle = throttle;
        this.address = address;
    }

    /**
     * Takes this report's place in the limit. Returns whether it was over the limit (and kept because of a danger);
     * throws {@link IntakeProblems.TooManyAttempts} when it is refused.
     */
    boolean admit(ReportSubmission submission, HttpServletRequest request) {
        Throttle.Verdict verdict = throttle.take(Throttle.Limit.INTAKE_ADDRESS, address.of(request));
        if (verdict.allowed()) {
            return false;
        }
        if (submission.danger()) {
            return true;
        }
        throw new IntakeProblems.TooManyAttempts(false, verdict.retryAfterSeconds());
    }

    /** Flags a report that was kept although its sender was over the limit. */
    void flagOverLimit(String receipt) {
        throttle.recordKeptOverLimit(receipt);
        log.warn(
                "report {} said a child is in immediate danger and was kept although its sender is over the intake limit",
                receipt);
    }
}
