package org.filet.server.conversations;

/** A report's exports were parsed: the job of this kind (subject: the report id) is for triage. */
public final class ConversationsParsed {

    public static final String JOB = "conversations-parsed";

    /** The same moment, for linking (subject: the report id). */
    public static final String IDENTIFIERS_JOB = "identifiers-due";

    private ConversationsParsed() {}
}
