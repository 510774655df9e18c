package org.filet.grooming.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads labelled segments in the {@code segment,label} CSV form of the VTPAN set (label 1 = grooming). */
public final class SegmentCsv {

    private SegmentCsv() {}

    /** One single-text segment per row; rejects a file without the {@code segment,label} header. */
    public static List<Segment> read(Path csv) throws IOException {
        List<List<String>> rows = CsvRows.read(csv);
        if (rows.isEmpty()
                || rows.get(0).size() < 2
                || !rows.get(0).get(0).strip().equals("segment")
                || !rows.get(0).get(1).strip().equals("label")) {
            throw new IOException("expected a CSV with header segment,label");
        }
        List<Segment> out = new ArrayList<>(rows.size());
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            if (row.size() < 2) {
                throw new IOException("row " + r + " has " + row.size() + " fields, expected 2");
            }
            String label = row.get(1).strip();
            if (!label.equals("0") && !label.equals("1")) {
                throw new IOException("row " + r + ": label must be 0 or 1");
            }
            out.add(new Segment(List.of(row.get(0)), label.equals("1"), "csv"));
        }
        return out;
    }
}
