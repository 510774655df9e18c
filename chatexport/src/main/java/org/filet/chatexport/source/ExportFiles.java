package org.filet.chatexport.source;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.filet.chatexport.ImportLimits;
import org.filet.chatexport.UnreadableExport;
import org.filet.chatexport.UnreadableExport.Reason;
import org.filet.conversation.Attachment;
import org.jspecify.annotations.Nullable;

/**
 * An upload seen as named, hashed members. Built from one file, a zip archive ({@link SafeZip}) or a folder. Attachment
 * references written inside the export are resolved only among these members.
 */
public final class ExportFiles {
    private final String sourceName;
    private final Map<String, ExportMember> members;
    private final boolean singleFile;
    private @Nullable Map<String, List<ExportMember>> fileNameIndex;

    private final int entries;
    private final int unreadEntries;

    ExportFiles(String sourceName, List<ExportMember> list) {
        this(sourceName, list, false, list.size(), 0);
    }

    /** An archive of which {@code entries} entries were read and {@code unreadEntries} more were only counted. */
    ExportFiles(String sourceName, List<ExportMember> list, int entries, int unreadEntries) {
        this(sourceName, list, false, entries, unreadEntries);
    }

    private ExportFiles(String sourceName, List<ExportMember> list, boolean singleFile) {
        this(sourceName, list, singleFile, list.size(), 0);
    }

    private ExportFiles(
            String sourceName, List<ExportMember> list, boolean singleFile, int entries, int unreadEntries) {
        this.entries = entries;
        this.unreadEntries = unreadEntries;
        this.sourceName = sourceName;
        this.singleFile = singleFile;
        Map<String, ExportMember> m = new LinkedHashMap<>();
        for (ExportMember e : list) {
            m.put(e.path(), e);
        }
        this.members = Collections.unmodifiableMap(m);
    }

    /** A single uploaded file held in memory. */
    public static ExportFiles ofBytes(String sourceName, String fileName, byte[] bytes) {
        return new ExportFiles(
                sourceName, List.of(new ExportMember(fileName, bytes.length, Hashing.sha256Hex(bytes), bytes)), true);
    }

    /** A folder: every regular file below it is hashed; symlinks are refused. */
    public static ExportFiles ofDirectory(Path dir, ImportLimits limits) throws UnreadableExport {
        String source = dir.toString();
        List<ExportMember> list = new ArrayList<>();
        long total = 0;
        List<Path> paths;
        try (Stream<Path> s = Files.walk(dir)) {
            paths = s.sorted().toList();
        } catch (IOException | RuntimeException e) {
            throw new UnreadableExport(
                    source, Reason.IO, "cannot list the folder (" + e.getClass().getSimpleName() + ")");
        }
        for (Path p : paths) {
            BasicFileAttributes attrs;
            try {
                attrs = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (IOException e) {
                throw new UnreadableExport(source, Reason.IO, "cannot read a file's attributes");
            }
            if (attrs.isSymbolicLink()) {
                throw new UnreadableExport(source, Reason.SYMLINK, "the folder contains a symbolic link");
            }
            if (!attrs.isRegularFile()) {
                continue;
            }
            if (list.size() >= limits.maxEntries()) {
                throw new UnreadableExport(source, Reason.TOO_LARGE, "more than " + limits.maxEntries() + " files");
            }
            String rel = dir.relativize(p).toString().replace('\\', '/');
            total += attrs.size();
            if (total > limits.maxTotalUncompressed()) {
                throw new UnreadableExport(
                        source,
                        Reason.TOO_LARGE,
                        "files larger than " + limits.maxTotalUncompressed() + " bytes in total");
            }
            try (InputStream in = Files.newInputStream(p)) {
                list.add(read(source, rel, in, attrs.size(), limits, Long.MAX_VALUE));
            } catch (IOException e) {
                throw new UnreadableExport(source, Reason.IO, "cannot read a file");
            }
        }
        return new ExportFiles(source, list);
    }

    /**
     * Hashes a stream into a member, keeping its bytes when text-like and within limits. {@code maxBytes} bounds what
     * may be read at all (bomb protection for archive entries).
     */
    static ExportMember read(
            String source, String rel, InputStream in, long declaredSize, ImportLimits limits, long maxBytes)
            throws IOException, UnreadableExport {
        MessageDigest digest = Hashing.sha256();
        boolean keep = ExportPaths.isTextLike(rel);
        ByteArrayOutputStream kept =
                keep ? new ByteArrayOutputStream((int) Math.min(Math.max(declaredSize, 0), 1 << 20)) : null;
        byte[] buf = new byte[64 * 1024];
        long n = 0;
        int r;
        while ((r = in.read(buf)) > 0) {
            n += r;
            if (n > maxBytes) {
                throw new UnreadableExport(
                        source,
                        Reason.ZIP_BOMB,
                        "an entry expands beyond " + maxBytes + " bytes (compression ratio or total size limit)");
            }
            digest.update(buf, 0, r);
            if (kept != null) {
                if (n > limits.maxTextBytes()) {
                    throw new UnreadableExport(
                            source,
                            Reason.TOO_LARGE,
                            "a text member is larger than " + limits.maxTextBytes() + " bytes");
                }
                kept.write(buf, 0, r);
            }
        }
        return new ExportMember(rel, n, Hashing.hex(digest), kept == null ? null : kept.toByteArray());
    }

    /** True when the upload was one plain file (not an archive or folder). */
    /** The entries read (for an archive: directories included, up to {@link ImportLimits#maxEntries()}). */
    public int entries() {
        return entries;
    }

    /** The entries of an archive beyond {@link ImportLimits#maxEntries()}: counted, not read. */
    public int unreadEntries() {
        return unreadEntries;
    }

    public boolean singleFile() {
        return singleFile;
    }

    public String sourceName() {
        return sourceName;
    }

    public Collection<ExportMember> members() {
        return members.values();
    }

    public Optional<ExportMember> get(String path) {
        return Optional.ofNullable(members.get(path));
    }

    /**
     * Resolves an attachment reference written in the export, relative to {@code baseFolder} (ending in '/' or empty).
     * Tries the folder, the export root, then the longest matching path suffix (exports move their root folder). URLs
     * are returned as references. Throws {@link Reason#PATH_ESCAPE} when the reference climbs out of the export.
     */
    public Attachment resolve(String baseFolder, String ref) throws UnreadableExport {
        if (ref.startsWith("http://") || ref.startsWith("https://") || ref.indexOf('\0') >= 0) {
            // no member name holds a NUL: such a reference names nothing in the export (its NUL is replaced later)
            return Attachment.referenced(ref);
        }
        String norm = ExportPaths.normalise(sourceName, ref, Reason.PATH_ESCAPE);
        ExportMember m = lookup(baseFolder, norm);
        return m == null ? Attachment.referenced(ref) : new Attachment(ref, m.sha256());
    }

    private @Nullable ExportMember lookup(String baseFolder, String norm) {
        ExportMember m = members.get(baseFolder + norm);
        if (m == null) {
            m = members.get(norm);
        }
        if (m != null) {
            return m;
        }
        // exports move their root folder: accept the member whose path ends with the longest part of the reference
        String name = norm.substring(norm.lastIndexOf('/') + 1);
        List<ExportMember> sameName = byFileName().getOrDefault(name, List.of());
        String suffix = norm;
        while (!sameName.isEmpty()) {
            for (ExportMember e : sameName) {
                if (e.path().equals(suffix) || e.path().endsWith("/" + suffix)) {
                    return e;
                }
            }
            int slash = suffix.indexOf('/');
            if (slash < 0 || depth(suffix) <= Math.min(3, depth(norm))) {
                return null; // keep at least the last three parts (thread folder, media folder, name) of a reference
            }
            suffix = suffix.substring(slash + 1);
        }
        return null;
    }

    private static int depth(String path) {
        int n = 1;
        for (int i = path.indexOf('/'); i >= 0; i = path.indexOf('/', i + 1)) {
            n++;
        }
        return n;
    }

    private Map<String, List<ExportMember>> byFileName() {
        Map<String, List<ExportMember>> index = fileNameIndex;
        if (index == null) {
            index = new HashMap<>();
            for (ExportMember e : members.values()) {
                index.computeIfAbsent(e.fileName(), k -> new ArrayList<>(1)).add(e);
            }
            fileNameIndex = index;
        }
        return index;
    }
}
