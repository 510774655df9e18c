package org.filet.grooming.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the message texts of one CyberAgressionAdo scenario CSV ({@code ID,TIME,NAME,TEXT,...}). */
public final class FrenchTeenChats {

    private FrenchTeenChats() {}

    public static List<String> texts(Path csv) throws IOException {
        List<String> out = new ArrayList<>();
        List<List<String>> rows = CsvRows.read(csv);
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            if (row.size() >= 4 && !row.get(3).isBlank()) {
                out.add(row.get(3).strip());
            }
        }
        return out;
    }
}
