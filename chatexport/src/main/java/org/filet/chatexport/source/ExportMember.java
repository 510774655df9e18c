package org.filet.chatexport.source;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One file of an export. {@code path} is relative to the export root with '/' separators; {@code content} is kept
 * only for text-like members (chat logs, JSON, CSV, XML).
 */
public record ExportMember(String path, long size, String sha256, byte @Nullable [] content) {
    public ExportMember {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(sha256, "sha256");
    }

    public String fileName() {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }

    public String folder() {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash + 1);
    }

    public byte[] requireContent() {
        if (content == null) {
            throw new IllegalStateException("member content was not retained");
        }
        return content;
    }

    @Override
    public String toString() {
        return "ExportMember[size=" + size + "]";
    }
}
