package org.filet.server.evidence;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.filet.verify.sth.SignedNote;
import org.filet.verify.sth.TreeHeadException;

/**
 * The head log: every signed tree head, as a C2SP checkpoint, appended to a file outside the database before the head
 * is published; and every cosignature a witness sent, as the same checkpoint with the witness's line added.
 *
 * <p>Format: one signed note after another, each followed by one empty line. Guarantees: {@link #append} returns only
 * once the record is on disk (written and fsynced, in the primary file and in the mirror when one is set) and, when an
 * S3 mirror is set, in its bucket; the files
 * are only ever appended to. A record torn by a crash can only be the last one, and readers skip it.
 */
final class HeadLog {

    static final String FILE = "heads.log";

    private final List<Path> files;
    private final S3HeadMirror s3;

    HeadLog(Path primary, Optional<Path> mirror) {
        this(primary, mirror, S3HeadMirror.none());
    }

    /** Also writes every record to {@code s3}, one write-once object each, when it is enabled. */
    HeadLog(Path primary, Optional<Path> mirror, S3HeadMirror s3) {
        List<Path> all = new ArrayList<>();
        all.add(primary);
        mirror.ifPresent(all::add);
        this.files = List.copyOf(all);
        this.s3 = s3;
    }

    S3HeadMirror s3() {
        return s3;
    }

    static Path primary(Path data) {
        return data.resolve("ledger").resolve(FILE);
    }

    Path primary() {
        return files.get(0);
    }

    List<Path> files() {
        return files;
    }

    /** Appends one note to every file and fsyncs it; throws (nothing is published) if any copy fails. */
    synchronized void append(String note) throws IOException {
        byte[] record = (note + "\n").getBytes(StandardCharsets.UTF_8);
        for (Path file : files) {
            Path dir = file.toAbsolutePath().getParent();
            boolean created = !Files.exists(file);
            Files.createDirectories(dir);
            try (FileChannel ch = FileChannel.open(
                    file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
                ByteBuffer buf = ByteBuffer.wrap(record);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            if (created) {
                syncDirectory(dir);
            }
        }
        if (s3.enabled()) {
            s3.put(note);
        }
    }

    /** The complete records in the last 64 KiB of a file (the file may be large), in order. */
    static List<SignedNote> tail(Path file) throws IOException {
        List<SignedNote> notes = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return notes;
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long length = raf.length();
            int window = (int) Math.min(length, 64 * 1024);
            byte[] tail = new byte[window];
            raf.seek(length - window);
            raf.readFully(tail);
            parse(new String(tail, StandardCharsets.UTF_8), notes::add, bad -> {});
            if (window < length && !notes.isEmpty()) {
                notes.remove(0); // the window began inside a record: whatever came out first may hold its remains
            }
        }
        return notes;
    }

    /** Every complete record of a file, in order; {@code damaged} hears of each record that does not parse. */
    static void read(Path file, Consumer<SignedNote> each, Consumer<String> damaged) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            parse(r, each, damaged);
        }
    }

    /**
     * An empty line ends a record when the line before it is a signature line ({@code — …}), and otherwise separates
     * a note's body from its signatures (checkpoint body lines never start with an em dash). This also finds the
     * records of a window that starts in the middle of one.
     */
    private static void parse(BufferedReader r, Consumer<SignedNote> each, Consumer<String> damaged)
            throws IOException {
        StringBuilder record = new StringBuilder();
        String previous = "";
        String line;
        while ((line = r.readLine()) != null) {
            if (line.isEmpty() && previous.startsWith("\u2014 ")) {
                emit(record.toString(), each, damaged);
                record.setLength(0);
            } else {
                record.append(line).append('\n');
            }
            previous = line;
        }
        if (!record.isEmpty()) {
            damaged.accept("an incomplete last record (a write cut short)");
        }
    }

    private static void parse(String text, Consumer<SignedNote> each, Consumer<String> damaged) {
        try {
            parse(new BufferedReader(new java.io.StringReader(text)), each, damaged);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void emit(String record, Consumer<SignedNote> each, Consumer<String> damaged) {
        try {
            each.accept(SignedNote.parse(record));
        } catch (TreeHeadException e) {
            damaged.accept(e.getMessage());
        }
    }

    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // some file systems cannot open a directory: the file itself is synced
        }
    }
}
