package org.filet.identifiers.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdentifiersCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return IdentifiersCommand.mainWithoutExit(new PrintWriter(out), new PrintWriter(err), args);
    }

    @Test
    void normalisePrintsTheKey() {
        assertThat(run("normalise", "account/snapchat", "@Alicia_12")).isZero();
        assertThat(out.toString().strip()).isEqualTo("ACCOUNT/snapchat/alicia_12");
    }

    @Test
    void normaliseMarksCommonValues() {
        assertThat(run("normalise", "ACCOUNT", "@admin")).isZero();
        assertThat(out.toString().strip()).isEqualTo("ACCOUNT//admin common");
    }

    @Test
    void normaliseRejectionExitsOneWithTheRule() {
        assertThat(run("normalise", "PHONE", "3018", "--region", "FR")).isEqualTo(1);
        assertThat(out.toString()).startsWith("rejected PHONE_SHORT_SERVICE_NUMBER");
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(run("normalise", "NICKNAME", "x")).isEqualTo(2);
        assertThat(run("normalise", "ACCOUNT/myspace", "x")).isEqualTo(2);
        assertThat(run("extract", "--region", "XX")).isEqualTo(2);
        assertThat(err.toString()).contains("KIND must be", "unknown platform", "--region");
    }

    @Test
    void extractReadsATextWithALongDecimal(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("report.txt");
        Files.writeString(file, "score 0.08194401068505253, rappelle le 06 12 34 56 78", StandardCharsets.UTF_8);

        assertThat(run("extract", file.toString(), "--region", "FR")).isZero();

        assertThat(out.toString().strip()).isEqualTo("39 53 PHONE_NUMBER STRONG PHONE//+33612345678");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void extractPrintsPositionsAndKeys(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("report.txt");
        Files.writeString(file, "ajoute moi sur snap @Alicia_12 stp", StandardCharsets.UTF_8);

        assertThat(run("extract", file.toString(), "--region", "FR")).isZero();
        assertThat(out.toString().strip()).isEqualTo("20 30 AT_HANDLE STRONG ACCOUNT/snapchat/alicia_12");
    }

    @Test
    void extractOfAMissingFileExitsOne(@TempDir Path dir) {
        assertThat(run("extract", dir.resolve("missing.txt").toString())).isEqualTo(1);
    }
}
