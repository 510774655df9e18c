package org.filet.chatexport.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.filet.chatexport.ImportLimits;
import org.filet.chatexport.UnreadableExport;
import org.filet.chatexport.UnreadableExport.Reason;

/**
 * Reads a zip archive into {@link ExportFiles}, refusing entries that escape the root (zip slip), symlinks, duplicate
 * names, and entries that expand beyond the size or compression-ratio limits (zip bombs). The entries beyond
 * {@link ImportLimits#maxEntries()} are counted and not read. Sizes are counted while inflating; declared sizes are not
 * trusted.
 */
public final class SafeZip {
    private static final long RATIO_FLOOR = 1L << 20;

    private SafeZip() {}

    public static boolean looksLikeZip(byte[] head) {
        return head.length >= 4
                && head[0] == 'P'
                && head[1] == 'K'
                && (head[2] == 3 || head[2] == 5)
                && (head[3] == 4 || head[3] == 6);
    }

    public static ExportFiles read(String source, Path zip, ImportLimits limits) throws UnreadableExport {
        try (SeekableByteChannel ch = Files.newByteChannel(zip)) {
            return read(source, ch, limits);
        } catch (IOException e) {
            throw new UnreadableExport(source, Reason.IO, "cannot open the archive");
        }
    }

    public static ExportFiles read(String source, byte[] zip, ImportLimits limits) throws UnreadableExport {
        return read(source, new SeekableInMemoryByteChannel(zip), limits);
    }

    private static ExportFiles read(String source, SeekableByteChannel ch, ImportLimits limits)
            throws UnreadableExport {
        try (ZipFile zf = ZipFile.builder().setSeekableByteChannel(ch).get()) {
            List<ExportMember> members = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            long total = 0;
            int count = 0;
            Enumeration<ZipArchiveEntry> en = zf.getEntriesInPhysicalOrder();
            while (en.hasMoreElements()) {
                ZipArchiveEntry e = en.nextElement();
                if (++count > limits.maxEntries()) {
                    int unread = 1;
                    for (; en.hasMoreElements(); en.nextElement()) {
                        unread++;
                    }
                    return new ExportFiles(source, members, limits.maxEntries(), unread);
                }
                String name = ExportPaths.normalise(source, e.getName(), Reason.ZIP_SLIP);
                if (e.isUnixSymlink()) {
                    throw new UnreadableExport(source, Reason.SYMLINK, "entry " + count + " is a symbolic link");
                }
                if (e.isDirectory() || name.isEmpty()) {
                    continue;
                }
                if (!seen.add(name)) {
                    throw new UnreadableExport(source, Reason.MALFORMED, "entry " + count + " repeats an earlier name");
                }
                int method = e.getMethod();
                if (method != ZipEntry.STORED && method != ZipEntry.DEFLATED) {
                    throw new UnreadableExport(
                            source,
                            Reason.MALFORMED,
                            "entry " + count + " uses compression method " + method
                                    + ", which is not accepted (only stored and deflated)");
                }
                if (!zf.canReadEntryData(e)) {
                    throw new UnreadableExport(
                            source, Reason.MALFORMED, "entry " + count + " uses an unsupported method");
                }
                long compressed = Math.max(e.getCompressedSize(), 1);
                long byRatio = Math.max(RATIO_FLOOR, compressed * limits.maxCompressionRatio());
                long allowed = Math.min(byRatio, limits.maxTotalUncompressed() - total);
                try (InputStream in = zf.getInputStream(e)) {
                    ExportMember m = ExportFiles.read(source, name, in, e.getSize(), limits, allowed);
                    total += m.size();
                    members.add(m);
                }
            }
            return new ExportFiles(source, members);
        } catch (IOException | RuntimeException e) {
            throw new UnreadableExport(
                    source,
                    Reason.MALFORMED,
                    "not a readable zip archive (" + e.getClass().getSimpleName() + ")");
        }
    }
}
