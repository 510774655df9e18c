package org.filet.conversation;

import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A file a message refers to. {@code path} is as written in the export (relative, a URL, or a file name);
 * {@code sha256} (lower-case hex) is present only when the file itself was inside the export and was hashed.
 */
public record Attachment(String path, @Nullable String sha256) {
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

    public Attachment {
        Objects.requireNonNull(path, "path");
        if (sha256 != null && !HEX64.matcher(sha256).matches()) {
            throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits");
        }
    }

    public static Attachment referenced(String path) {
        return new Attachment(path, null);
    }

    public boolean inExport() {
        return sha256 != null;
    }

    @Override
    public String toString() {
        return "Attachment[pathLength=" + path.length() + ", inExport=" + inExport() + "]";
    }
}
