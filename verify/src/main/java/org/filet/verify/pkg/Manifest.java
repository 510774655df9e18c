package org.filet.verify.pkg;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.filet.verify.Times;
import org.filet.verify.json.Json;
import org.filet.verify.json.JsonException;
import org.filet.verify.json.JsonFields;

/**
 * {@code manifest.json}: what the package contains. Canonical JSON:
 * {@code {"created_at":…,"files":[…],"format":"filet-evidence-package/1","instance":…,"subject":…}}.
 */
public record Manifest(String instance, String subject, Instant createdAt, List<ManifestFile> files) {
    private static final Set<String> MEMBERS = Set.of("format", "instance", "subject", "created_at", "files");

    public Manifest {
        if (instance == null || instance.isEmpty() || subject == null || subject.isEmpty()) {
            throw new IllegalArgumentException("manifest: instance and subject are required");
        }
        createdAt = Times.normalise(createdAt);
        files = Collections.unmodifiableList(new ArrayList<>(files));
        Set<String> paths = new HashSet<>();
        for (ManifestFile f : files) {
            if (!paths.add(f.path())) {
                throw new IllegalArgumentException("manifest: path listed twice: " + f.path());
            }
        }
    }

    public byte[] encode() {
        List<Object> list = new ArrayList<>();
        for (ManifestFile f : files) {
            list.add(f.toJson());
        }
        return Json.canonicalBytes(Json.object(
                "format",
                PackageLayout.FORMAT,
                "instance",
                instance,
                "subject",
                subject,
                "created_at",
                Times.format(createdAt),
                "files",
                list));
    }

    public static Manifest decode(byte[] bytes) throws JsonException {
        JsonFields f = JsonFields.of("manifest", Json.parseCanonical(bytes)).only(MEMBERS);
        if (!PackageLayout.FORMAT.equals(f.string("format"))) {
            throw new JsonException("manifest.format: unsupported, expected " + PackageLayout.FORMAT);
        }
        List<?> raw = f.array("files");
        List<ManifestFile> files = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            files.add(ManifestFile.fromJson(raw.get(i), i));
        }
        try {
            return new Manifest(f.string("instance"), f.string("subject"), Times.parse(f.string("created_at")), files);
        } catch (IllegalArgumentException e) {
            throw new JsonException(e.getMessage());
        }
    }

    /** Files by path. */
    public Map<String, ManifestFile> byPath() {
        Map<String, ManifestFile> m = new java.util.LinkedHashMap<>();
        for (ManifestFile f : files) {
            m.put(f.path(), f);
        }
        return m;
    }
}
