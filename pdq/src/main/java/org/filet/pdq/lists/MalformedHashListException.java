package org.filet.pdq.lists;

/**
 * A hash list that cannot be imported. The message names the line and the problem, never the line's content.
 */
public final class MalformedHashListException extends Exception {

    private static final long serialVersionUID = 1L;

    private final long line;

    MalformedHashListException(long line, String problem) {
        super("line " + line + ": " + problem);
        this.line = line;
    }

    /** The 1-based line of the problem (0 when not tied to a line, e.g. an empty file). */
    public long line() {
        return line;
    }
}
