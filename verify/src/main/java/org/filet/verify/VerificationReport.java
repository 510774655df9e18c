package org.filet.verify;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.filet.verify.json.Json;

/**
 * The outcome of verifying a package: every failed check (empty when valid) and facts worth showing to a person
 * (tree size and root, signing-key fingerprint, timestamp and TSA, file count).
 */
public final class VerificationReport {
    /** Exit codes of {@code verify}: the contract with the people and scripts that run it. */
    public enum Outcome {
        /** Every check passed. */
        VALID(0),
        /** The package was read but does not verify; the findings say why. */
        INVALID(1),
        /** The input is not a readable package (missing, not a ZIP, truncated central directory…). */
        UNREADABLE(2);

        private final int exitCode;

        Outcome(int exitCode) {
            this.exitCode = exitCode;
        }

        public int exitCode() {
            return exitCode;
        }
    }

    private final Outcome outcome;
    private final List<Finding> findings;
    private final Map<String, Object> facts;

    VerificationReport(Outcome outcome, List<Finding> findings, Map<String, Object> facts) {
        this.outcome = outcome;
        this.findings = Collections.unmodifiableList(new ArrayList<>(findings));
        this.facts = Collections.unmodifiableMap(new LinkedHashMap<>(facts));
    }

    public Outcome outcome() {
        return outcome;
    }

    public boolean valid() {
        return outcome == Outcome.VALID;
    }

    public List<Finding> findings() {
        return findings;
    }

    /** Facts established while verifying, e.g. {@code tree_size}, {@code root_hash}, {@code key_sha256}. */
    public Map<String, Object> facts() {
        return facts;
    }

    /** Canonical JSON: {@code {"facts":{…},"findings":[…],"outcome":"valid"|"invalid"|"unreadable"}}. */
    public String toJson() {
        List<Object> list = new ArrayList<>();
        for (Finding f : findings) {
            list.add(f.toJson());
        }
        return Json.canonicalString(Json.object(
                "outcome", outcome.name().toLowerCase(java.util.Locale.ROOT), "findings", list, "facts", facts));
    }

    /** Human-readable text, one finding per line. */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        sb.append(
                        switch (outcome) {
                            case VALID ->
                                "VALID: " + String.join(", ", checkedWords()) + " verified"
                                        + (timestamped()
                                                ? ""
                                                : "; NO TIMESTAMP: the package carries no RFC 3161 timestamp, so no third"
                                                        + " party attests when its signed head existed (only the instance's own clock: head_time)");
                            case INVALID ->
                                "INVALID: " + findings.size() + " problem" + (findings.size() == 1 ? "" : "s");
                            case UNREADABLE -> "UNREADABLE";
                        })
                .append('\n');
        for (Finding f : findings) {
            sb.append("  - ").append(f).append('\n');
        }
        for (Map.Entry<String, Object> e : facts.entrySet()) {
            sb.append("  ").append(e.getKey()).append(": ").append(e.getValue()).append('\n');
        }
        return sb.toString();
    }

    /**
     * Whether an RFC 3161 timestamp was present and verified. A package without one is never reported as timestamped:
     * the {@code timestamp} fact is then {@code none}.
     */
    public boolean timestamped() {
        return outcome == Outcome.VALID && facts.containsKey("tsa_certificate_sha256");
    }

    private List<String> checkedWords() {
        List<String> words = new ArrayList<>(List.of("every file", "ledger proof", "signature"));
        if (timestamped()) {
            words.add("RFC 3161 timestamp");
        }
        return words;
    }

    @Override
    public String toString() {
        return "VerificationReport[" + outcome + ", " + findings.size() + " findings]";
    }
}
