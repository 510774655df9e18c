package org.filet.chatexport.source;

import java.util.Locale;
import org.filet.chatexport.UnreadableExport;
import org.filet.chatexport.UnreadableExport.Reason;

/** Checks on member names and on paths written inside exports. */
public final class ExportPaths {
    private ExportPaths() {}

    /**
     * Normalises a relative path ('\' to '/', drops "./" segments). Requires that it stays inside the export: no
     * absolute path, no drive letter, no ".." segment, no NUL; otherwise throws with {@code reason}.
     */
    public static String normalise(String source, String path, Reason reason) throws UnreadableExport {
        String p = path.replace('\\', '/');
        if (p.indexOf('\0') >= 0) {
            throw new UnreadableExport(source, reason, "a path contains a NUL character");
        }
        if (p.startsWith("/") || (p.length() > 1 && p.charAt(1) == ':')) {
            throw new UnreadableExport(source, reason, "a path is absolute");
        }
        StringBuilder out = new StringBuilder(p.length());
        for (String seg : p.split("/", -1)) {
            if (seg.isEmpty() || seg.equals(".")) {
                continue;
            }
            if (seg.equals("..")) {
                throw new UnreadableExport(source, reason, "a path climbs out of the export with '..'");
            }
            if (out.length() > 0) {
                out.append('/');
            }
            out.append(seg);
        }
        return out.toString();
    }

    /** True for members whose content is kept in memory for parsing. */
    public static boolean isTextLike(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        return lower.endsWith(".txt")
                || lower.endsWith(".json")
                || lower.endsWith(".csv")
                || lower.endsWith(".xml")
                || lower.endsWith(".md");
    }
}
