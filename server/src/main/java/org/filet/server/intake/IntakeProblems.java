package org.filet.server.intake;

/** Named reasons a submission is refused; each maps to one HTTP status and one message key. */
final class IntakeProblems {

    private IntakeProblems() {}

    /** A file's content is of a type reports may not carry (415). */
    static final class UnsupportedFileType extends RuntimeException {
        final String field;
        final String mediaType;

        UnsupportedFileType(String field, String mediaType) {
            super("file " + field + " has content of type " + mediaType + ", which reports may not carry");
            this.field = field;
            this.mediaType = mediaType;
        }
    }

    /** Too many files, or a file too large (413). */
    static final class TooLarge extends RuntimeException {
        final String field;

        TooLarge(String field, String message) {
            super(message);
            this.field = field;
        }
    }

    /** The body is not valid JSON, or a field has the wrong shape (400). */
    static final class Unreadable extends RuntimeException {
        final String field;

        Unreadable(String field, String message) {
            super(message);
            this.field = field;
        }
    }

    /** A field breaks a rule (400); {@code violations} maps field paths to messages. */
    static final class Invalid extends RuntimeException {
        final java.util.Map<String, String> violations;

        Invalid(java.util.Map<String, String> violations) {
            super("invalid report: " + String.join(", ", violations.keySet()));
            this.violations = violations;
        }
    }

    /** No report with this receipt, or the access code does not match (404; the two are not told apart). */
    static final class ReportNotFound extends RuntimeException {
        ReportNotFound() {
            super("no report with this receipt and access code");
        }
    }

    /** The access code is missing (401). */
    static final class AccessCodeRequired extends RuntimeException {
        AccessCodeRequired() {
            super("the X-Access-Code header is required");
        }
    }

    /**
     * Too many attempts from this client or for this receipt (429): wrong access codes, or reports over the intake
     * limit. {@code retryAfterSeconds} says when to try again.
     */
    static final class TooManyAttempts extends RuntimeException {
        final long retryAfterSeconds;
        final boolean accessCodes;

        TooManyAttempts(boolean accessCodes, long retryAfterSeconds) {
            super(accessCodes ? "too many wrong access codes" : "too many reports from this address");
            this.accessCodes = accessCodes;
            this.retryAfterSeconds = retryAfterSeconds;
        }

        long retryAfterMinutes() {
            return Math.max(1, (retryAfterSeconds + 59) / 60);
        }
    }
}
