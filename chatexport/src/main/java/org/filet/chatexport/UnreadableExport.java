package org.filet.chatexport;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An export that cannot be read, with the file it concerns and a reason. The message names the file and the reason
 * only; it never carries chat text.
 */
public final class UnreadableExport extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why an export was refused. */
    public enum Reason {
        UNRECOGNISED_FORMAT,
        MALFORMED,
        INVALID_ENCODING,
        TOO_LARGE,
        LINE_TOO_LONG,
        TOO_DEEP,
        ZIP_SLIP,
        ZIP_BOMB,
        SYMLINK,
        PATH_ESCAPE,
        DTD_FORBIDDEN,
        IO
    }

    private final String source;
    private final Reason reason;
    private final String detail;

    public UnreadableExport(String source, Reason reason, String detail) {
        this(source, reason, detail, null);
    }

    public UnreadableExport(String source, Reason reason, String detail, @Nullable Throwable cause) {
        super(
                Objects.requireNonNull(source, "source") + ": "
                        + reason.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ": " + detail,
                cause);
        this.source = source;
        this.reason = reason;
        this.detail = detail;
    }

    public String source() {
        return source;
    }

    public Reason reason() {
        return reason;
    }

    /** The explanation after the file and the reason (no chat text). */
    public String detail() {
        return detail;
    }

    /** The same refusal attributed to another source (for example the archive member it concerns). */
    public UnreadableExport about(String otherSource) {
        return new UnreadableExport(otherSource, reason, detail, getCause());
    }
}
