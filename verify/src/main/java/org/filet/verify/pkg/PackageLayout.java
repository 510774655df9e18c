package org.filet.verify.pkg;

import java.util.Set;
import java.util.regex.Pattern;

/** Names, shapes and limits of the sealed evidence package, version 1 (docs/evidence-package.md). */
public final class PackageLayout {
    public static final String FORMAT = "filet-evidence-package/1";

    public static final String MANIFEST = "manifest.json";
    public static final String CUSTODY = "custody.jsonl";
    public static final String STH = "sth.json";
    public static final String PUBLIC_KEY = "public-key.pem";
    public static final String TIMESTAMP = "timestamp.tsr";
    public static final String SUMS = "SHA256SUMS";
    public static final String ORIGINALS_DIR = "files/";
    public static final String DERIVED_DIR = "derived/";

    /** Written after the manifest, in this order (timestamp optional), then {@link #SUMS} last. */
    public static final Set<String> SEAL_FILES = Set.of(MANIFEST, CUSTODY, STH, PUBLIC_KEY, TIMESTAMP, SUMS);

    /** {@code files/<sha256>[.ext]} and {@code derived/<sha256>[.ext]}. */
    public static final Pattern CONTENT_PATH = Pattern.compile("(files|derived)/([0-9a-f]{64})(\\.[a-z0-9]{1,10})?");
    /** Top-level extra documents such as {@code case.jsonld} or {@code report.pdf}. */
    public static final Pattern DOCUMENT_NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}\\.[a-z0-9]{1,10}");

    public static final Pattern MEDIA_TYPE =
            Pattern.compile("[a-z0-9][a-z0-9!#$&^_.+-]{0,63}/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}");

    /** Reader limits: hostile packages cannot make the verifier read or keep more than this. */
    public static final int MAX_ENTRIES = 100_000;

    public static final long MAX_ENTRY_BYTES = 64L << 30;
    public static final long MAX_TOTAL_BYTES = 256L << 30;
    public static final int MAX_METADATA_BYTES = 64 << 20;
    /** An entry may inflate to at most this many times its compressed size (plus 1 MiB) before it is cut off. */
    public static final int MAX_RATIO = 200;

    private PackageLayout() {}

    public static boolean isDocumentName(String name) {
        return DOCUMENT_NAME.matcher(name).matches() && !SEAL_FILES.contains(name);
    }
}
