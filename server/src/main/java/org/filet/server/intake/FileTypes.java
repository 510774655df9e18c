package org.filet.server.intake;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Set;
import org.apache.tika.Tika;
import org.springframework.stereotype.Component;

/**
 * The type of an uploaded file, sniffed from its content (Apache Tika's magic detection), never taken from its name.
 * The name's type is kept only to flag a mismatch (a PNG named {@code .jpg}).
 */
@Component
class FileTypes {

    /** Types a report may carry: pictures, sound, video, chat exports and documents. */
    private static final Set<String> ALLOWED_EXACT = Set.of(
            "text/plain",
            "text/csv",
            "text/html",
            "application/json",
            "application/xml",
            "text/xml",
            "application/zip",
            "application/pdf",
            "application/gzip",
            "application/x-sqlite3",
            "application/vnd.sqlite3",
            "message/rfc822");

    private static final Set<String> ALLOWED_FAMILIES = Set.of("image/", "audio/", "video/");

    private final Tika tika = new Tika();

    /** What a file is: the sniffed type, the type its name suggests, whether they disagree. */
    record Sniffed(String mediaType, String declaredType, boolean mismatch, boolean allowed) {}

    Sniffed sniff(InputStream content, String originalName) throws IOException {
        String sniffed = baseType(tika.detect(content));
        String declared = originalName == null || originalName.isBlank() ? null : baseType(tika.detect(originalName));
        if ("application/octet-stream".equals(declared)) {
            declared = null;
        }
        boolean mismatch = declared != null && !sameKind(sniffed, declared);
        return new Sniffed(sniffed, declared, mismatch, isAllowed(sniffed));
    }

    static boolean isAllowed(String mediaType) {
        return ALLOWED_EXACT.contains(mediaType)
                || ALLOWED_FAMILIES.stream().anyMatch(mediaType::startsWith)
                || mediaType.endsWith("+xml") && !mediaType.contains("svg");
    }

    private static boolean sameKind(String sniffed, String declared) {
        if (sniffed.equals(declared)) {
            return true;
        }
        // text formats are all detected as text/plain from content: a .json or .csv holding text is not a mismatch
        return sniffed.startsWith("text/")
                && (declared.startsWith("text/") || declared.equals("application/json") || declared.endsWith("xml"));
    }

    private static String baseType(String type) {
        int semicolon = type.indexOf(';');
        return (semicolon < 0 ? type : type.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }
}
