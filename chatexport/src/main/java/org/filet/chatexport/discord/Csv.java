package org.filet.chatexport.discord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.filet.chatexport.UnreadableExport;
import org.filet.chatexport.UnreadableExport.Reason;

/**
 * RFC 4180 CSV through Apache Commons CSV (quoted fields may hold commas, doubled quotes and line breaks), with the
 * line each row starts on and the export's error on a quoted field never closed. Blank lines are skipped.
 */
final class Csv {
    /** RFC 4180, lenient on text after a closing quote (kept, as exporters write it), never on an unclosed quote. */
    static final CSVFormat FORMAT =
            CSVFormat.RFC4180.builder().setTrailingData(true).get();

    private Csv() {}

    /** One row with the line it starts on. */
    record Row(int line, List<String> fields) {}

    static List<Row> parse(String source, String text) throws UnreadableExport {
        List<Row> rows = new ArrayList<>();
        long line = 1;
        try (CSVParser parser = CSVParser.builder()
                .setFormat(FORMAT)
                .setReader(new StringReader(text.startsWith("\uFEFF") ? text.substring(1) : text))
                .get()) {
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                line = parser.getCurrentLineNumber() + 1;
                if (!records.hasNext()) {
                    break;
                }
                CSVRecord r = records.next();
                if (r.size() == 1 && r.get(0).isEmpty()) {
                    continue;
                }
                rows.add(new Row((int) line, r.toList()));
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new UnreadableExport(
                    source,
                    Reason.MALFORMED,
                    "a quoted CSV field starting on line " + line + " is never closed or is followed by a stray quote");
        }
        return rows;
    }
}
