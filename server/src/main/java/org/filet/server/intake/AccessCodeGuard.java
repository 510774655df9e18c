package org.filet.server.intake;

import jakarta.servlet.http.HttpServletRequest;
import org.filet.server.people.ClientAddress;
import org.filet.server.people.Throttle;
import org.springframework.stereotype.Component;

/**
 * Every lookup by receipt and access code goes through here: wrong codes are counted per receipt and per client
 * address, and a receipt or address over its limit is refused ({@link IntakeProblems.TooManyAttempts}) before the code
 * is even compared, so the code cannot be guessed by trying.
 */
@Component
class AccessCodeGuard {

    private final Reports reports;
    private final Throttle throttle;
    private final ClientAddress address;

    AccessCodeGuard(Reports reports, Throttle throttle, ClientAddress address) {
        this.reports = reports;
        this.throttle = throttle;
        this.address = address;
    }

    /** The reporter's status, if the code matches and neither the receipt nor the address is over its limit. */
    Reports.ReporterStatus status(String receipt, String accessCode, HttpServletRequest request) {
        String from = address.of(request);
        refuseIfOver(throttle.check(Throttle.Limit.ACCESS_CODE_ADDRESS, from));
        refuseIfOver(throttle.check(Throttle.Limit.ACCESS_CODE_RECEIPT, receipt));
        try {
            return reports.status(receipt, accessCode);
        } catch (IntakeProblems.ReportNotFound e) {
            throttle.charge(Throttle.Limit.ACCESS_CODE_ADDRESS, from);
            throttle.charge(Throttle.Limit.ACCESS_CODE_RECEIPT, receipt);
            throw e;
        }
    }

    private static void refuseIfOver(Throttle.Verdict verdict) {
        if (!verdict.allowed()) {
            throw new IntakeProblems.TooManyAttempts(true, verdict.retryAfterSeconds());
        }
    }
}
