package org.filet.pdq;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Locates {@code shared/data/pdq} beside the repository; tests skip visibly when it is absent. */
final class SharedData {

    private SharedData() {}

    static Path pdqDir() {
        Path dir = Path.of(System.getProperty("filet.repo.root", "."), "..", "shared", "data", "pdq")
                .normalize();
        assumeTrue(Files.isDirectory(dir), "PDQ test data not found at " + dir + ": skipping (see shared/data/pdq)");
        return dir;
    }

    /** The data lines of a CSV (header dropped), split on commas; the files quote no field we read. */
    static List<String[]> csv(Path file) throws IOException {
        List<String[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank() && !line.startsWith("image,")) {
                rows.add(line.split(",", -1));
            }
        }
        return rows;
    }
}
