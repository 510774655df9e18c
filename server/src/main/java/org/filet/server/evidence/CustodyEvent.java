package org.filet.server.evidence;

import java.util.List;
import java.util.Objects;
import org.filet.verify.Sha256;

/**
 * One thing done to evidence: what ({@code action}), by whom ({@code actor}: {@code user:<id>} or
 * {@code component:<name>/<version>}), about which subject (a report receipt), from which inputs to which outputs
 * (SHA-256 content addresses), and why where a reason is required. Modelled on CASE/UCO's InvestigativeAction.
 */
public record CustodyEvent(
        String action, String actor, String subject, List<String> inputs, List<String> outputs, String reason) {

    public CustodyEvent {
        requireText(action, "action");
        requireText(actor, "actor");
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        inputs.forEach(Sha256::requireAddress);
        outputs.forEach(Sha256::requireAddress);
    }

    public static CustodyEvent of(String action, String actor, String subject, List<String> outputs) {
        return new CustodyEvent(action, actor, subject, List.of(), outputs, null);
    }

    private static void requireText(String value, String field) {
        if (Objects.requireNonNull(value, field).isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
    }

    /** The actions the platform records. */
    public static final class Actions {
        public static final String RECEIVED = "received";
        public static final String STORED = "stored";
        public static final String VIEWED = "viewed";
        /** A report or case handed to an authority (a sealed referral). */
        public static final String REFERRED = "referred";
        /** An object crypto-shredded under a retention rule (its data key destroyed); the reason names the rule. */
        public static final String DELETED_BY_RETENTION = "deleted-by-retention";

        private Actions() {}
    }
}
