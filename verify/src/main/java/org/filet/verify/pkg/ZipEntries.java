package org.filet.verify.pkg;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.filet.verify.Finding;
import org.filet.verify.Hex;
import org.filet.verify.Sha256;

/**
 * Reads a package ZIP as hostile input: at most {@link PackageLayout#MAX_ENTRIES} entries, no duplicate or unsafe
 * names (absolute, {@code ..}, backslashes), empty directory entries ignored, each entry cut off at its size limits and at
 * {@link PackageLayout#MAX_RATIO} times its compressed size, nothing before the first local header or after the
 * end-of-central-directory record. Every entry is hashed once while streaming; only the small metadata files are
 * kept in memory.
 */
public final class ZipEntries {
    /** A read entry: its name, SHA-256 (hex), size, and bytes when it is a metadata file. */
    public record Entry(String name, String sha256, long size, byte[] bytes) {}

    /** The entries in ZIP order and the problems met while reading. */
    public record Result(Map<String, Entry> entries, List<Finding> findings) {}

    /** The input cannot be read as a ZIP at all. */
    public static final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;

        Unreadable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private ZipEntries() {}

    public static Result read(Path zip) throws Unreadable {
        List<Finding> findings = new ArrayList<>();
        checkEnds(zip, findings);
        Map<String, Entry> entries = new LinkedHashMap<>();
        try (ZipFile zf = new ZipFile(zip.toFile())) {
            if (zf.size() > PackageLayout.MAX_ENTRIES) {
                throw new Unreadable("more than " + PackageLayout.MAX_ENTRIES + " entries", null);
            }
            Set<String> seen = new HashSet<>();
            long total = 0;
            byte[] buf = new byte[1 << 16];
            Enumeration<? extends ZipEntry> en = zf.entries();
            int count = 0;
            while (en.hasMoreElements()) {
                ZipEntry ze = en.nextElement();
                if (++count > PackageLayout.MAX_ENTRIES) {
                    throw new Unreadable("more than " + PackageLayout.MAX_ENTRIES + " entries", null);
                }
                String name = ze.getName();
                String shown = safeName(name);
                if (!seen.add(name)) {
                    findings.add(new Finding("zip.duplicate_entry", shown, "entry name appears more than once"));
                    continue;
                }
                if (ze.isDirectory()
                        && ze.getSize() == 0
                        && name.length() > 1
                        && safePath(name.substring(0, name.length() - 1))) {
                    continue; // an empty directory entry, as `zip -r` adds: carries nothing, so it is ignored
                }
                if (!safePath(name)) {
                    findings.add(
                            new Finding(
                                    "zip.unsafe_name",
                                    shown,
                                    "absolute, parent, backslash or non-ASCII entry names, and non-empty directories, are refused"));
                    continue;
                }
                boolean keep = PackageLayout.SEAL_FILES.contains(name);
                long limit = keep ? PackageLayout.MAX_METADATA_BYTES : PackageLayout.MAX_ENTRY_BYTES;
                long compressed = ze.getCompressedSize();
                if (ze.getMethod() == ZipEntry.DEFLATED && compressed >= 0) {
                    limit = Math.min(limit, compressed * PackageLayout.MAX_RATIO + (1 << 20));
                }
                MessageDigest md = Sha256.newDigest();
                java.io.ByteArrayOutputStream kept = keep ? new java.io.ByteArrayOutputStream() : null;
                long size = 0;
                boolean cut = false;
                try (InputStream in = zf.getInputStream(ze)) {
                    int n;
                    while ((n = in.read(buf)) > 0) {
                        size += n;
                        if (size > limit || total + size > PackageLayout.MAX_TOTAL_BYTES) {
                            cut = true;
                            break;
                        }
                        md.update(buf, 0, n);
                        if (kept != null) {
                            kept.write(buf, 0, n);
                        }
                    }
                } catch (IOException e) {
                    findings.add(new Finding(
                            "zip.corrupt_entry",
                            shown,
                            "entry data cannot be read: " + e.getClass().getSimpleName()));
                    continue;
                }
                if (cut) {
                    findings.add(new Finding(
                            "zip.entry_too_large",
                            shown,
                            "entry expands beyond " + limit
                                    + " bytes (size or compression-ratio limit); reading stopped"));
                    continue;
                }
                if (ze.getSize() >= 0 && ze.getSize() != size) {
                    findings.add(new Finding(
                            "zip.size_mismatch",
                            shown,
                            "central directory says " + ze.getSize() + " bytes, data has " + size));
                }
                total += size;
                entries.put(
                        name, new Entry(name, Hex.encode(md.digest()), size, kept == null ? null : kept.toByteArray()));
            }
        } catch (ZipException e) {
            throw new Unreadable("not a readable ZIP archive: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new Unreadable("cannot read the package: " + e.getMessage(), e);
        }
        return new Result(entries, findings);
    }

    /** The archive starts with a local file header and ends with an end-of-central-directory record, no comment. */
    private static void checkEnds(Path zip, List<Finding> findings) throws Unreadable {
        try (RandomAccessFile raf = new RandomAccessFile(zip.toFile(), "r")) {
            long len = raf.length();
            if (len < 22) {
                throw new Unreadable("too short to be a ZIP archive (" + len + " bytes)", null);
            }
            byte[] head = new byte[4];
            raf.readFully(head);
            if (!(head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4)) {
                findings.add(new Finding("zip.leading_data", "", "the archive does not start with a ZIP entry"));
            }
            byte[] end = new byte[22];
            raf.seek(len - 22);
            raf.readFully(end);
            boolean eocd = end[0] == 'P' && end[1] == 'K' && end[2] == 5 && end[3] == 6 && end[20] == 0 && end[21] == 0;
            if (!eocd) {
                findings.add(
                        new Finding(
                                "zip.trailing_data",
                                "",
                                "the archive does not end with its end-of-central-directory record (data appended or a comment)"));
            }
        } catch (IOException e) {
            throw new Unreadable("cannot read the package: " + e.getMessage(), e);
        }
    }

    static boolean safePath(String name) {
        if (name.isEmpty()
                || name.length() > 255
                || name.startsWith("/")
                || name.endsWith("/")
                || name.contains("\\")
                || name.contains("//")) {
            return false;
        }
        for (String part : name.split("/")) {
            if (part.isEmpty() || part.equals(".") || part.equals("..")) {
                return false;
            }
        }
        return name.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != ':');
    }

    /** Entry names are shown only when they are short printable ASCII. */
    public static String safeName(String name) {
        return name.length() <= 120 && name.chars().allMatch(c -> c >= 0x20 && c < 0x7f) ? name : "<unprintable name>";
    }
}
