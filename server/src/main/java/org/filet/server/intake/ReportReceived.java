package org.filet.server.intake;

/**
 * A report (or files added to it) was committed: the job of this kind, with the report's id as subject, is enqueued in
 * the same transaction, and the capabilities that analyse reports (conversations, then triage) take it from there.
 */
public final class ReportReceived {

    /** The job kind for the report's conversations (and then triage). */
    public static final String JOB = "report-received";

    /**
     * The job kind for what the queue shows of a report (triage): enqueued first when a report is received, when files
     * are added and when its status changes, so the report is in the queue (or leaves it) before any analysis.
     */
    public static final String QUEUE_JOB = "report-changed";

    /** The job kind for the report's pictures (media). */
    public static final String MEDIA_JOB = "media-received";

    private ReportReceived() {}
}
