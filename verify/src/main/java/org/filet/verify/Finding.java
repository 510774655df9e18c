package org.filet.verify;

import java.util.Map;
import org.filet.verify.json.Json;

/**
 * One failed check: a stable {@code code} (e.g. {@code file.sha256}), the package path it concerns (or empty) and
 * a precise message (expected vs computed). Messages never contain file contents or original file names.
 */
public record Finding(String code, String path, String message) {
    public Finding {
        path = path == null ? "" : path;
    }

    Map<String, Object> toJson() {
        return Json.object("code", code, "path", path, "message", message);
    }

    @Override
    public String toString() {
        return code + (path.isEmpty() ? "" : " " + path) + ": " + message;
    }
}
