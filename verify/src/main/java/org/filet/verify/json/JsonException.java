package org.filet.verify.json;

/** JSON text that is malformed, outside the supported subset, or not canonical. Messages never quote string content. */
public final class JsonException extends Exception {
    private static final long serialVersionUID = 1L;

    public JsonException(String message) {
        super(message);
    }
}
