package org.filet.grooming.train;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** The rows of a UTF-8 RFC 4180 corpus file, read by Apache Commons CSV; blank lines are skipped. */
final class CsvRows {

    /** RFC 4180, lenient on text after a closing quote, as some corpora write it. */
    private static final CSVFormat FORMAT =
            CSVFormat.RFC4180.builder().setTrailingData(true).get();

    private CsvRows() {}

    static List<List<String>> read(Path csv) throws IOException {
        try (CSVParser parser = CSVParser.parse(csv, StandardCharsets.UTF_8, FORMAT)) {
            return parser.stream()
                    .filter(r -> !(r.size() == 1 && r.get(0).isEmpty()))
                    .map(CSVRecord::toList)
                    .toList();
        }
    }
}
