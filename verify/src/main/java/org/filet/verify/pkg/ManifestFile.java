package org.filet.verify.pkg;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.filet.verify.Hex;
import org.filet.verify.Times;
import org.filet.verify.json.Json;
import org.filet.verify.json.JsonException;
import org.filet.verify.json.JsonFields;

/**
 * One file listed in {@code manifest.json}. {@code originalName} is required for originals (the name the file was
 * received under, kept for the record and never used as a path); {@code receivedAt} is when an original was
 * received or when a derived file or document was produced; {@code derivedFrom} (optional, derived files only) is the
 * SHA-256 of the file it was derived from (a chat export for a parsed transcript, a screenshot for an OCR reading).
 */
public record ManifestFile(
        String path,
        Role role,
        String sha256,
        long size,
        String mediaType,
        String originalName,
        Instant receivedAt,
        String derivedFrom) {

    public ManifestFile(
            String path,
            Role role,
            String sha256,
            long size,
            String mediaType,
            String originalName,
            Instant receivedAt) {
        this(path, role, sha256, size, mediaType, originalName, receivedAt, null);
    }

    /** Where a file sits and what it is. */
    public enum Role {
        ORIGINAL("original"),
        DERIVED("derived"),
        DOCUMENT("document");

        private final String wire;

        Role(String wire) {
            this.wire = wire;
        }

        public String wireName() {
            return wire;
        }

        static Role of(String s) {
            for (Role r : values()) {
                if (r.wire.equals(s)) {
                    return r;
                }
            }
            throw new IllegalArgumentException("unknown role");
        }
    }

    private static final Set<String> MEMBERS =
            Set.of("path", "role", "sha256", "size", "media_type", "original_name", "received_at", "derived_from");

    public ManifestFile {
        if (role == null || path == null) {
            throw new IllegalArgumentException("manifest file: role and path are required");
        }
        var m = PackageLayout.CONTENT_PATH.matcher(path);
        boolean ok = switch (role) {
            case ORIGINAL ->
                m.matches()
                        && path.startsWith(PackageLayout.ORIGINALS_DIR)
                        && m.group(2).equals(sha256);
            case DERIVED ->
                m.matches()
                        && path.startsWith(PackageLayout.DERIVED_DIR)
                        && m.group(2).equals(sha256);
            case DOCUMENT -> PackageLayout.isDocumentName(path);
        };
        if (!ok) {
            throw new IllegalArgumentException("manifest file: path does not fit role " + role.wireName()
                    + " (files/<sha256>[.ext], derived/<sha256>[.ext] or a top-level document name)");
        }
        if (!Hex.isSha256(sha256)) {
            throw new IllegalArgumentException("manifest file: sha256 must be 64 lowercase hex digits");
        }
        if (size < 0) {
            throw new IllegalArgumentException("manifest file: negative size");
        }
        if (mediaType == null || !PackageLayout.MEDIA_TYPE.matcher(mediaType).matches()) {
            throw new IllegalArgumentException("manifest file: media_type must be a lowercase type/subtype");
        }
        if (role == Role.ORIGINAL && originalName == null) {
            throw new IllegalArgumentException("manifest file: original_name is required for originals");
        }
        if (originalName != null
                && (originalName.isEmpty()
                        || originalName.length() > 1024
                        || originalName.chars().anyMatch(c -> c < 0x20 || c == 0x7f))) {
            throw new IllegalArgumentException("manifest file: original_name must be 1..1024 characters, no controls");
        }
        if (derivedFrom != null && (role != Role.DERIVED || !Hex.isSha256(derivedFrom))) {
            throw new IllegalArgumentException(
                    "manifest file: derived_from is only for derived files and must be" + " 64 lowercase hex digits");
        }
        receivedAt = Times.normalise(receivedAt);
    }

    public Optional<String> derivedFromIfAny() {
        return Optional.ofNullable(derivedFrom);
    }

    public Optional<String> originalNameIfAny() {
        return Optional.ofNullable(originalName);
    }

    Map<String, Object> toJson() {
        return Json.object(
                "path",
                path,
                "role",
                role.wireName(),
                "sha256",
                sha256,
                "size",
                size,
                "media_type",
                mediaType,
                "original_name",
                originalName,
                "received_at",
                Times.format(receivedAt),
                "derived_from",
                derivedFrom);
    }

    static ManifestFile fromJson(Object json, int index) throws JsonException {
        JsonFields f = JsonFields.of("manifest.files[" + index + "]", json).only(MEMBERS);
        try {
            return new ManifestFile(
                    f.string("path"),
                    Role.of(f.string("role")),
                    f.string("sha256"),
                    f.integer("size"),
                    f.string("media_type"),
                    f.optString("original_name"),
                    Times.parse(f.string("received_at")),
                    f.optString("derived_from"));
        } catch (IllegalArgumentException e) {
            throw new JsonException("manifest.files[" + index + "]: " + e.getMessage());
        }
    }

    /** Omits the original name, which may identify people. */
    @Override
    public String toString() {
        return "ManifestFile[" + path + ", " + role.wireName() + ", " + size + " bytes, " + mediaType + "]";
    }
}
