package org.filet.grooming;

/**
 * A conversation file could not be read. The message names the position and what was expected, never the chat
 * text.
 */
public final class ConversationUnreadable extends Exception {

    private static final long serialVersionUID = 1L;

    public ConversationUnreadable(String message) {
        super(message);
    }

    public ConversationUnreadable(String message, Throwable cause) {
        super(message, cause);
    }
}
