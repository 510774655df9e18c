package org.filet.pdq.lists;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Importers for exchanged hash lists. Each returns every entry or fails on the first bad line with
 * {@link MalformedHashListException} naming the line; nothing is skipped silently except blank lines and
 * {@code #} comments in the text formats.
 */
public final class HashLists {

    /** Lines longer than this are refused (no legitimate entry is anywhere near it). */
    static final int MAX_LINE = 8192;

    private static final JsonFactory JSON = new JsonFactory();

    private HashLists() {}

    /**
     * PDQ hashes in the CSV forms used around ThreatExchange and HMA.
     *
     * <ul>
     *   <li>With a header line naming the columns (any order, case-insensitive): the hash column is one of
     *       {@code pdq, hash, signal_value, indicator, hash_value}; optional {@code id} (or {@code hash_id,
     *       indicator_id, signal_id}), {@code category} (or {@code tags, bank, label}), {@code quality}, and
     *       {@code signal_type} (rows whose type is not PDQ are an error).</li>
     *   <li>Without a header: {@code hash[,quality[,name]]}, as printed by Meta's PDQ tools and by {@code pdq}.</li>
     * </ul>
     * Entries without an id get {@code line:N}; entries without a category get {@code defaultCategory}.
     */
    public static List<HashListEntry> readPdqCsv(Reader in, String defaultCategory)
            throws IOException, MalformedHashListException {
        List<HashListEntry> out = new ArrayList<>();
        LineSource lines = new LineSource(in);
        Map<String, Integer> columns = null;
        boolean first = true;
        String line;
        while ((line = lines.next()) != null) {
            String[] f = splitCsv(line, lines.number());
            if (first) {
                first = false;
                if (!CsvColumns.looksLikeHash(f[0].trim())) {
                    columns = header(f, lines.number());
                    continue;
                }
            }
            out.add(
                    columns == null
                            ? headerless(f, lines.number(), defaultCategory)
                            : withHeader(f, columns, lines.number(), defaultCategory));
        }
        return out;
    }

    /**
     * One hash per line ({@code hash} or {@code hash,category}), all of {@code kind}; ids are {@code line:N}.
     */
    public static List<HashListEntry> readPlain(Reader in, HashKind kind, String defaultCategory)
            throws IOException, MalformedHashListException {
        List<HashListEntry> out = new ArrayList<>();
        LineSource lines = new LineSource(in);
        String line;
        while ((line = lines.next()) != null) {
            String[] f = splitCsv(line, lines.number());
            if (f.length > 2) {
                throw new MalformedHashListException(
                        lines.number(), "expected 'hash' or 'hash,category', got " + f.length + " fields");
            }
            String hash = f[0].trim();
            if (!kind.accepts(hash)) {
                throw new MalformedHashListException(
                        lines.number(),
                        "not a " + kind + " hash (" + kind.hexLength() + " hex digits expected, got " + hash.length()
                                + " characters)");
            }
            String category = f.length == 2 ? f[1].trim() : defaultCategory;
            out.add(HashListEntry.of("line:" + lines.number(), kind, hash, category));
        }
        return out;
    }

    /**
     * A Project VIC VICS JSON export: an object whose {@code value} array holds media records with
     * {@code MediaID}, {@code Category}, {@code MD5} and/or {@code SHA1} (also inside a {@code MediaFiles} array,
     * as in VICS 2.0). Each MD5 and SHA-1 becomes an entry with id {@code MediaID} and the record's category.
     * Other fields are skipped. Parsed as a stream, so large exports do not need to fit in memory twice.
     */
    public static List<HashListEntry> readVics(InputStream in) throws MalformedHashListException {
        List<HashListEntry> out = new ArrayList<>();
        try (JsonParser p = JSON.createParser(ObjectReadContext.empty(), in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new MalformedHashListException(line(p), "VICS export must be a JSON object");
            }
            boolean sawValue = false;
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                if ("value".equalsIgnoreCase(name)) {
                    if (t != JsonToken.START_ARRAY) {
                        throw new MalformedHashListException(line(p), "'value' must be an array of media");
                    }
                    sawValue = true;
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        new VicsMedia().read(p, out);
                    }
                    if (p.currentToken() != JsonToken.END_ARRAY) {
                        throw new MalformedHashListException(line(p), "'value' must contain only media objects");
                    }
                } else {
                    p.skipChildren();
                }
            }
            if (!sawValue) {
                throw new MalformedHashListException(line(p), "no 'value' array of media");
            }
        } catch (JacksonException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new MalformedHashListException(line, "invalid JSON (" + e.getOriginalMessage() + ")");
        }
        return out;
    }

    static long line(JsonParser p) {
        return p.currentLocation().getLineNr();
    }

    // ---- CSV helpers ---------------------------------------------------------------------------------------

    private static Map<String, Integer> header(String[] f, long line) throws MalformedHashListException {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < f.length; i++) {
            String canonical = CsvColumns.canonicalColumn(f[i].trim().toLowerCase(Locale.ROOT));
            if (canonical != null) {
                columns.putIfAbsent(canonical, i);
            }
        }
        if (!columns.containsKey("hash")) {
            throw new MalformedHashListException(
                    line,
                    "first line is neither a PDQ hash nor a header with a hash "
                            + "column (pdq, hash, signal_value, indicator, hash_value)");
        }
        return columns;
    }

    private static HashListEntry headerless(String[] f, long line, String defaultCategory)
            throws MalformedHashListException {
        String hash = pdq(f[0], line);
        if (f.length >= 2 && !f[1].isBlank()) {
            quality(f[1], line);
        }
        String id = f.length >= 3 && !f[2].isBlank() ? f[2].trim() : "line:" + line;
        return HashListEntry.of(id, HashKind.PDQ, hash, defaultCategory);
    }

    private static HashListEntry withHeader(String[] f, Map<String, Integer> c, long line, String defaultCategory)
            throws MalformedHashListException {
        Integer type = c.get("signal_type");
        if (type != null) {
            String t = field(f, type).toLowerCase(Locale.ROOT);
            if (!t.isEmpty() && !t.equals("pdq") && !t.equals("hash_pdq")) {
                throw new MalformedHashListException(line, "signal type is not PDQ");
            }
        }
        String hash = pdq(field(f, c.get("hash")), line);
        if (c.containsKey("quality") && !field(f, c.get("quality")).isEmpty()) {
            quality(field(f, c.get("quality")), line);
        }
        String id = c.containsKey("id") && !field(f, c.get("id")).isEmpty() ? field(f, c.get("id")) : "line:" + line;
        String category =
                c.containsKey("category") && !field(f, c.get("category")).isEmpty()
                        ? field(f, c.get("category"))
                        : defaultCategory;
        return HashListEntry.of(id, HashKind.PDQ, hash, category);
    }

    private static String field(String[] f, int i) {
        return i < f.length ? f[i].trim() : "";
    }

    private static String pdq(String s, long line) throws MalformedHashListException {
        String h = s.trim();
        if (!HashKind.PDQ.accepts(h)) {
            throw new MalformedHashListException(
                    line, "not a PDQ hash (64 hex digits expected, got " + h.length() + " characters)");
        }
        return h;
    }

    private static void quality(String s, long line) throws MalformedHashListException {
        try {
            int q = Integer.parseInt(s.trim());
            if (q < 0 || q > 100) {
                throw new MalformedHashListException(line, "quality must be 0..100, got " + q);
            }
        } catch (NumberFormatException e) {
            throw new MalformedHashListException(line, "quality is not a number");
        }
    }

    /** RFC 4180, lenient on text after a closing quote, never on an unclosed quote. */
    private static final CSVFormat CSV_LINE =
            CSVFormat.RFC4180.builder().setTrailingData(true).get();

    /**
     * Splits one CSV line (RFC 4180 quoting, no embedded newlines) with Apache Commons CSV; lines come bounded from
     * {@link LineSource}, so a hostile list cannot make one field grow without end.
     */
    static String[] splitCsv(String line, long number) throws MalformedHashListException {
        try (CSVParser p = CSVParser.builder()
                .setFormat(CSV_LINE)
                .setReader(new StringReader(line))
                .get()) {
            Iterator<CSVRecord> records = p.iterator();
            return records.hasNext() ? records.next().values() : new String[] {""};
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new MalformedHashListException(number, "unterminated quoted field");
        }
    }

    /** Non-blank, non-comment lines with their 1-based numbers; refuses over-long lines. */
    private static final class LineSource {
        private final BufferedReader reader;
        private long number;

        LineSource(Reader in) {
            this.reader = in instanceof BufferedReader ? (BufferedReader) in : new BufferedReader(in);
        }

        String next() throws IOException, MalformedHashListException {
            while (true) {
                StringBuilder sb = new StringBuilder();
                int ch;
                boolean any = false;
                while ((ch = reader.read()) != -1) {
                    any = true;
                    if (ch == '\n') {
                        break;
                    }
                    if (sb.length() >= MAX_LINE) {
                        throw new MalformedHashListException(
                                number + 1, "line longer than " + MAX_LINE + " characters");
                    }
                    sb.append((char) ch);
                }
                if (!any) {
                    return null;
                }
                number++;
                int len = sb.length();
                if (len > 0 && sb.charAt(len - 1) == '\r') {
                    sb.setLength(len - 1);
                }
                if (number == 1 && sb.length() > 0 && sb.charAt(0) == '\uFEFF') {
                    sb.deleteCharAt(0);
                }
                String s = sb.toString();
                if (!s.isBlank() && !s.stripLeading().startsWith("#")) {
                    return s;
                }
            }
        }

        long number() {
            return number;
        }
    }
}
