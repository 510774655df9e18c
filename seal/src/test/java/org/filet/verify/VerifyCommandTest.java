package org.filet.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class VerifyCommandTest {
    @TempDir
    Path dir;

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = new CommandLine(new VerifyCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    @Test
    void validPackageExitsZero() throws Exception {
        Path zip = TestPackages.frozenFixture("package.zip");
        assertThat(run(
                        zip.toString(),
                        "--trusted-key",
                        TestPackages.frozenFixture("trusted-key.pem").toString(),
                        "--require-timestamp"))
                .isEqualTo(0);
        assertThat(out.toString()).startsWith("VALID").contains("tree_size: 10");
    }

    @Test
    void timestampedPackageSaysItsTimestampWasVerified() throws Exception {
        assertThat(run(TestPackages.frozenFixture("package.zip").toString())).isEqualTo(0);
        assertThat(out.toString())
                .startsWith("VALID: every file, ledger proof, signature, RFC 3161 timestamp verified\n")
                .doesNotContain("NO TIMESTAMP");
    }

    @Test
    void packageWithoutTimestampIsNeverReportedAsTimestamped() throws Exception {
        Path zip = TestPackages.write(
                dir,
                "untimed.zip",
                TestPackages.build(new java.util.Random(7), 100, false).zip());
        assertThat(run(zip.toString())).isEqualTo(0);
        String text = out.toString();
        assertThat(text.lines().findFirst().orElseThrow())
                .startsWith("VALID: every file, ledger proof, signature verified; NO TIMESTAMP")
                .doesNotContain("timestamp verified");
        assertThat(text).contains("timestamp: none").contains("checked: [files, sums, ledger_proofs, signature]");

        out.getBuffer().setLength(0);
        assertThat(run(zip.toString(), "--json")).isEqualTo(0);
        assertThat(out.toString())
                .contains("\"timestamp\":\"none\"")
                .contains("\"checked\":[\"files\",\"sums\",\"ledger_proofs\",\"signature\"]")
                .doesNotContain("\"tsa_subject\"");

        out.getBuffer().setLength(0);
        assertThat(run(zip.toString(), "--require-timestamp")).isEqualTo(1);
        assertThat(out.toString()).startsWith("INVALID").contains("timestamp.missing");
        out.getBuffer().setLength(0);
        assertThat(run(zip.toString(), "--require-timestamp", "--json")).isEqualTo(1);
        assertThat(out.toString()).contains("\"code\":\"timestamp.missing\"").contains("\"outcome\":\"invalid\"");
    }

    @Test
    void tamperedPackageExitsOneAndNamesEachFailureInJson() throws Exception {
        byte[] zip = Files.readAllBytes(TestPackages.frozenFixture("package.zip"));
        var entries = TestPackages.unzip(TestPackages.frozenFixture("package.zip"));
        entries.put("case.jsonld", "{\"@context\":{}}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Path bad = dir.resolve("bad.zip");
        try (var o = Files.newOutputStream(bad)) {
            TestPackages.zip(entries, o);
        }
        assertThat(zip).isNotEmpty();
        assertThat(run(bad.toString(), "--json")).isEqualTo(1);
        assertThat(out.toString())
                .startsWith("{\"facts\":")
                .contains("\"code\":\"file.sha256\"")
                .contains("\"path\":\"case.jsonld\"")
                .contains("\"outcome\":\"invalid\"");
    }

    @Test
    void unreadableInputOrUsageErrorExitsTwo() throws Exception {
        assertThat(run(dir.resolve("missing.zip").toString())).isEqualTo(2);
        Path junk = Files.write(dir.resolve("junk.zip"), "not a zip at all, sorry".getBytes());
        assertThat(run(junk.toString())).isEqualTo(2);
        assertThat(out.toString()).contains("UNREADABLE");
        assertThat(run("--no-such-option")).isEqualTo(2);
        assertThat(run()).isEqualTo(2);
    }

    @Test
    void helpListsTheExitCodes() {
        assertThat(run("--help")).isEqualTo(0);
        assertThat(out.toString()).contains("Exit codes:").contains("0").contains("unreadable input");
    }

    @Test
    void helpIsAvailableInFrench() {
        CommandLine cl = new CommandLine(new VerifyCommand());
        cl.setResourceBundle(
                java.util.ResourceBundle.getBundle("org.filet.verify.VerifyCommand", java.util.Locale.FRENCH));
        cl.setOut(new PrintWriter(out));
        assertThat(cl.execute("--help")).isEqualTo(0);
        assertThat(out.toString())
                .contains("Codes de sortie")
                .contains("paquet de preuves scellé")
                .contains("affiche le rapport en JSON");
    }

    @Test
    void frenchAndEnglishBundlesHaveTheSameKeys() throws Exception {
        assertThat(keys("VerifyCommand_fr.properties")).isNotEmpty().isEqualTo(keys("VerifyCommand.properties"));
    }

    private static java.util.Set<String> keys(String file) throws Exception {
        java.util.Properties p = new java.util.Properties();
        try (var in = VerifyCommand.class.getResourceAsStream(file)) {
            p.load(in);
        }
        return p.stringPropertyNames();
    }
}
