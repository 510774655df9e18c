package org.filet.identifiers;

/** A common-values file has a line we cannot read; the message gives the source and line, not the value. */
public final class CommonValuesUnreadable extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CommonValuesUnreadable(String source, int line, String problem) {
        super(source + ":" + line + ": " + problem);
    }

    public CommonValuesUnreadable(String source, Throwable cause) {
        super(source + ": unreadable", cause);
    }
}
