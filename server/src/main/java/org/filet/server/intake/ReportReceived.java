package org.filet.server.intake;

/**
 * A report (or files added to it) was committed: the job of this kind, with the report's id as subject, is enqueued in
 * the same transaction, and the capabilities that analyse reports (conversations, then triage) take it from there.
 */
public final class ReportReceived {

    /** The job kind. */
    public static final String JOB = "report-received";

    private ReportReceived() {
    }
}
