package org.filet.chatexport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.filet.chatexport.UnreadableExport.Reason;
import org.filet.chatexport.sms.SmsBackupParser;
import org.filet.chatexport.source.ExportFiles;
import org.filet.chatexport.source.SafeZip;
import org.filet.chatexport.source.Texts;
import org.filet.chatexport.whatsapp.WhatsAppParser;
import org.filet.conversation.ChatFormat;
import org.filet.conversation.Conversation;

/**
 * Entry point: detects an export's format from its content and parses it into conversations. Accepts a single file,
 * a zip archive or a folder. Every refusal is an {@link UnreadableExport} naming the file and the reason. Every text
 * it returns can be stored in a database ({@link StorableText}).
 */
public final class ChatImport {
    private static final int HEAD = 64 * 1024;
    private static final int SNIFF = 4096;
    private static final java.util.regex.Pattern JSON_NUMBER =
            java.util.regex.Pattern.compile("-?(?:0|[1-9][0-9]*)(?:\\.[0-9]+)?(?:[eE][+-]?[0-9]+)?");

    private ChatImport() {}

    public static List<Conversation> parse(Path path) throws UnreadableExport {
        return parse(path, ImportOptions.DEFAULT);
    }

    /**
     * The chat formats an upload holds (a zip or folder may hold several), recognised from content, not names. Reads
     * the upload as {@link #read(Path, ImportOptions)} does, so it costs a parse.
     */
    public static Set<ChatFormat> detect(Path path) throws UnreadableExport {
        return formats(read(path, ImportOptions.DEFAULT));
    }

    /** As {@link #detect(Path)} for an upload held in memory. */
    public static Set<ChatFormat> detect(String source, String fileName, byte[] bytes) throws UnreadableExport {
        return formats(read(source, fileName, bytes, ImportOptions.DEFAULT));
    }

    private static Set<ChatFormat> formats(ImportResult r) {
        Set<ChatFormat> out = EnumSet.noneOf(ChatFormat.class);
        for (Conversation c : r.conversations()) {
            out.add(c.format());
        }
        return out;
    }

    /** Strict: every member must be readable, otherwise the first refusal is thrown. */
    public static List<Conversation> parse(Path path, ImportOptions options) throws UnreadableExport {
        return strict(read(path, options));
    }

    /**
     * Lenient for archives and folders: members that cannot be read are listed in {@link ImportResult#refused()}.
     * Throws when the upload as a whole is refused (hostile archive, unreadable single file, nothing recognised).
     */
    public static ImportResult read(Path path, ImportOptions options) throws UnreadableExport {
        try {
            return StorableText.clean(readRaw(path, options));
        } catch (UnreadableExport e) {
            throw StorableText.clean(e);
        }
    }

    private static ImportResult readRaw(Path path, ImportOptions options) throws UnreadableExport {
        String source = path.toString();
        if (Files.isSymbolicLink(path)) {
            throw new UnreadableExport(source, Reason.SYMLINK, "the upload is a symbolic link");
        }
        if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            return ExportReader.parseFiles(ExportFiles.ofDirectory(path, options.limits()), options);
        }
        byte[] head = head(source, path);
        if (SafeZip.looksLikeZip(head)) {
            return ExportReader.parseFiles(SafeZip.read(source, path, options.limits()), options);
        }
        if (kindOf(head) == ContentKind.SMS) {
            try (InputStream in = Files.newInputStream(path)) {
                return new ImportResult(SmsBackupParser.parse(source, in, options.limits()), List.of());
            } catch (IOException e) {
                throw new UnreadableExport(source, Reason.IO, "cannot read the file");
            }
        }
        long size;
        try {
            size = Files.size(path);
        } catch (IOException e) {
            throw new UnreadableExport(source, Reason.IO, "cannot read the file size");
        }
        if (size > options.limits().maxTextBytes()) {
            throw new UnreadableExport(
                    source, Reason.TOO_LARGE, "larger than " + options.limits().maxTextBytes() + " bytes");
        }
        try {
            return readRaw(source, path.getFileName().toString(), Files.readAllBytes(path), options);
        } catch (IOException e) {
            throw new UnreadableExport(source, Reason.IO, "cannot read the file");
        }
    }

    /** Parses an upload held in memory; {@code fileName} helps recognise members (for example Instagram paths). */
    public static List<Conversation> parse(String source, String fileName, byte[] bytes, ImportOptions options)
            throws UnreadableExport {
        return strict(read(source, fileName, bytes, options));
    }

    /** As {@link #read(Path, ImportOptions)} for an upload held in memory. */
    public static ImportResult read(String source, String fileName, byte[] bytes, ImportOptions options)
            throws UnreadableExport {
        try {
            return StorableText.clean(readRaw(source, fileName, bytes, options));
        } catch (UnreadableExport e) {
            throw StorableText.clean(e);
        }
    }

    private static ImportResult readRaw(String source, String fileName, byte[] bytes, ImportOptions options)
            throws UnreadableExport {
        if (SafeZip.looksLikeZip(bytes)) {
            return ExportReader.parseFiles(SafeZip.read(source, bytes, options.limits()), options);
        }
        return ExportReader.parseFiles(ExportFiles.ofBytes(source, fileName, bytes), options);
    }

    /** What the first bytes of a file look like (before any format is recognised). */
    public enum ContentKind {
        ZIP,
        SMS,
        SMS_CALL_LOG,
        JSON,
        TEXT,
        XML_OTHER,
        HTML,
        BINARY,
        EMPTY
    }

    /** The coarse kind of content in the first bytes of a file. */
    public static ContentKind kindOf(byte[] head) {
        if (SafeZip.looksLikeZip(head)) {
            return ContentKind.ZIP;
        }
        int len = Math.min(head.length, SNIFF);
        String s = new String(head, 0, len, StandardCharsets.UTF_8);
        s = s.startsWith("\uFEFF") ? s.substring(1) : s;
        String t = s.stripLeading();
        if (t.isEmpty()) {
            return ContentKind.EMPTY;
        }
        if (t.startsWith("<")) {
            String lower = t.toLowerCase(Locale.ROOT);
            if (lower.contains("<smses")) {
                return ContentKind.SMS;
            }
            if (lower.contains("<calls")) {
                return ContentKind.SMS_CALL_LOG;
            }
            return lower.contains("<html") || lower.startsWith("<!doctype html")
                    ? ContentKind.HTML
                    : ContentKind.XML_OTHER;
        }
        if (t.startsWith("{") || t.startsWith("[") && startsLikeJsonArray(t)) {
            return ContentKind.JSON;
        }
        int nuls = 0;
        for (int i = 0; i < Math.min(len, 8192); i++) {
            if (head[i] == 0) {
                nuls++;
            }
        }
        // A few NULs in lines of valid UTF-8 are a text whose messages hold a NUL (replaced later, see StorableText);
        // images, documents and UTF-16 text have many, or are not UTF-8.
        if (nuls > 0 && (nuls > 4 || !utf8Lines(head, Math.min(len, 8192)))) {
            return ContentKind.BINARY;
        }
        return ContentKind.TEXT;
    }

    /** Whether {@code head[0, len)} holds a line break and is UTF-8 up to its last one (as {@link Texts#utf8} reads it). */
    private static boolean utf8Lines(byte[] head, int len) {
        int end = len;
        while (end > 0 && head[end - 1] != '\n') {
            end--;
        }
        try {
            return end > 0
                    && !Texts.utf8("sniff", java.util.Arrays.copyOf(head, end)).isEmpty();
        } catch (UnreadableExport e) {
            return false;
        }
    }

    /**
     * Whether text starting with {@code [} opens a JSON array: no line of its head scans as a chat header, and after the
     * bracket and JSON white space comes a value that JSON allows ({@code { [ " ]}, {@code true}, {@code false},
     * {@code null}, or a number followed by {@code ,} or {@code ]}). A chat line such as {@code [18/3/2022, 2:56:00 PM]},
     * {@code [١٨/٣/٢٠٢٢، ٢:٥٦:٠٠ م]} (any digits) or {@code [Note] ...} does not.
     */
    static boolean startsLikeJsonArray(String t) {
        if (WhatsAppParser.sniff(t) != null) { // some line of the head is a chat header
            return false;
        }
        int i = 1;
        while (i < t.length() && " \t\r\n".indexOf(t.charAt(i)) >= 0) {
            i++;
        }
        if (i >= t.length()) {
            return true; // "[" then nothing: a truncated JSON array is still JSON (and refused as such)
        }
        char c = t.charAt(i);
        if (c == '{' || c == '[' || c == '"' || c == ']') {
            return true;
        }
        for (String literal : new String[] {"true", "false", "null"}) {
            if (t.startsWith(literal, i)) {
                return endsJsonValue(t, i + literal.length());
            }
        }
        java.util.regex.Matcher number = JSON_NUMBER.matcher(t).region(i, t.length());
        return number.lookingAt() && endsJsonValue(t, number.end());
    }

    private static boolean endsJsonValue(String t, int j) {
        while (j < t.length() && " \t\r\n".indexOf(t.charAt(j)) >= 0) {
            j++;
        }
        return j >= t.length() || t.charAt(j) == ',' || t.charAt(j) == ']';
    }

    private static byte[] head(String source, Path path) throws UnreadableExport {
        try (InputStream in = Files.newInputStream(path)) {
            return in.readNBytes(HEAD);
        } catch (IOException e) {
            throw new UnreadableExport(source, Reason.IO, "cannot read the file");
        }
    }

    private static List<Conversation> strict(ImportResult r) throws UnreadableExport {
        if (!r.refused().isEmpty()) {
            UnreadableExport first = r.refused().get(0);
            if (r.refused().size() == 1 && r.conversations().isEmpty()) {
                throw first;
            }
            throw new UnreadableExport(
                    first.source(),
                    first.reason(),
                    first.detail() + " (" + (r.refused().size() - 1) + " other member(s) refused; "
                            + r.conversations().size() + " conversation(s) read)");
        }
        return r.conversations();
    }
}
