package org.filet.server.conversations;

/** A report's exports were parsed: the job of this kind (subject: the report id) is for triage. */
public final class ConversationsParsed {

    public static final String JOB = "conversations-parsed";

    private ConversationsParsed() {
    }
}
