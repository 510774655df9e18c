package org.filet.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.filet.server.Multipart;
import org.filet.server.TestImages;
import org.filet.server.evidence.EvidenceBackup;
import org.filet.server.evidence.EvidenceStore;
import org.filet.server.evidence.EvidenceStores;
import org.filet.server.support.DatabaseSuperuser;
import org.filet.server.support.EmbeddedDatabase;
import org.filet.server.support.ServerProcess;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code filet backup} of a running server's data directory (reports with files), {@code filet restore} into a new
 * one: {@code ledger check} passes there and every file reads back; a backup missing an object, or a restore without
 * the keys, is refused naming what is missing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BackupRestoreIT {

    static final String REPORT = """
            {"reporter":{"role":"parent","language":"fr"},"child":{"age":14,"country":"FR"},"platform":"Discord",
             "suspectAccounts":[{"platform":"Discord","handle":"backup.test_%d"}],
             "description":"Un adulte insiste pour parler à mon fils en privé (%d)."}""";

    final HttpClient http = HttpClient.newHttpClient();
    final JsonMapper json = JsonMapper.builder().build();

    Path work;
    Path base;
    Path backup;
    byte[] png;
    byte[] jpeg;
    byte[] later;
    long reportsAtBackup;
    Result made;

    @BeforeAll
    void aBackupOfARunningServer() throws Exception {
        work = Files.createTempDirectory("filet-backup-");
        base = work.resolve("base");
        backup = work.resolve("backup");
        png = TestImages.png(61);
        jpeg = TestImages.jpeg(62);
        later = TestImages.png(63);
        try (ServerProcess server = ServerProcess.start(
                base, Map.of("SPRING_APPLICATION_JSON", "{\"filet\":{\"ledger\":{\"head-interval\":\"1s\"}}}"))) {
            post(
                    server,
                    new Multipart()
                            .json("report", REPORT.formatted(1, 1))
                            .file("files", "capture.png", "image/png", png)
                            .file("files", "photo.jpg", "image/jpeg", jpeg));
            post(server, new Multipart().json("report", REPORT.formatted(2, 2)));
            awaitStableHead(server);
            made = filet("backup", "--data", base.toString(), "--to", backup.toString());
            assertThat(made.exit()).as(made.output()).isZero();
            // filed after the backup: not in it
            post(
                    server,
                    new Multipart()
                            .json("report", REPORT.formatted(3, 3))
                            .file("files", "later.png", "image/png", later));
        }
        reportsAtBackup = 2;
    }

    @Test
    void aRestoredDataDirectoryPassesTheLedgerCheckAndEveryFileReadsBack() throws Exception {
        assertThat(made.output())
                .contains("KEYS NOT IN THE BACKUP: " + base.resolve("keys"))
                .contains("master-key.json")
                .contains("ledger-key.pem")
                .contains("apart from the backup");
        try (Stream<Path> files = Files.walk(backup)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList())
                    .as("no key in the backup")
                    .doesNotContain("master-key.json", "ledger-key.pem");
        }
        assertThat(Files.readString(backup.resolve("objects.txt")))
                .contains(sha(png))
                .contains(sha(jpeg))
                .doesNotContain(sha(later));

        Path restored = work.resolve("restored");
        Result restore = filet(
                "restore",
                "--from",
                backup.toString(),
                "--data",
                restored.toString(),
                "--keys",
                base.resolve("keys").toString());
        assertThat(restore.exit()).as(restore.output()).isZero();
        assertThat(restore.output()).contains("restore OK").contains("objects 2 of 2");
        assertThat(made.output()).contains("objects 2 (").doesNotContain("ABSENT");

        Result check = filet("ledger", "check", "--data", restored.toString());
        assertThat(check.exit()).as(check.output()).isZero();
        assertThat(check.output()).contains("ledger OK").contains("record(s) of the head log");

        EvidenceStore store = EvidenceStores.local(restored);
        for (byte[] file : List.of(png, jpeg)) {
            try (InputStream in = store.open(sha(file))) {
                assertThat(in.readAllBytes()).isEqualTo(file);
            }
        }
        assertThat(store.contains(sha(later))).isFalse();
        try (EmbeddedDatabase db = EmbeddedDatabase.start(restored);
                Connection c = DatabaseSuperuser.connect(restored);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from report")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(reportsAtBackup);
        }
        assertThat(Files.readString(restored.resolve("instance-id")))
                .isEqualTo(Files.readString(base.resolve("instance-id")));
    }

    @Test
    void aBackupMissingAnObjectOrARestoreWithoutTheKeysIsRefusedNamingWhatIsMissing() throws Exception {
        Path damaged = copy(backup, work.resolve("damaged"));
        String gone = sha(jpeg);
        Files.delete(EvidenceBackup.objectFile(damaged.resolve("evidence"), gone));
        Path target = work.resolve("not-restored");
        Result refused = filet(
                "restore",
                "--from",
                damaged.toString(),
                "--data",
                target.toString(),
                "--keys",
                base.resolve("keys").toString());
        assertThat(refused.exit()).as(refused.output()).isEqualTo(1);
        assertThat(refused.output())
                .contains("MISSING object " + gone)
                .doesNotContain("MISSING object " + sha(png))
                .contains("nothing was written");
        assertThat(target).doesNotExist();

        Result noKeys = filet("restore", "--from", backup.toString(), "--data", target.toString());
        assertThat(noKeys.exit()).as(noKeys.output()).isEqualTo(1);
        assertThat(noKeys.output()).contains("MISSING key master-key.json").contains("MISSING key ledger-key.pem");
        assertThat(target).doesNotExist();

        Result intoUsed = filet(
                "restore",
                "--from",
                backup.toString(),
                "--data",
                base.toString(),
                "--keys",
                base.resolve("keys").toString());
        assertThat(intoUsed.exit()).isEqualTo(2);

        Path partial = work.resolve("partial");
        Result allowed = filet(
                "restore",
                "--from",
                damaged.toString(),
                "--data",
                partial.toString(),
                "--keys",
                base.resolve("keys").toString(),
                "--allow-missing");
        assertThat(allowed.exit()).as(allowed.output()).isEqualTo(1);
        assertThat(allowed.output()).contains("MISSING object " + gone).contains("restore INCOMPLETE");
        Result check = filet("ledger", "check", "--data", partial.toString());
        assertThat(check.exit()).as(check.output()).isEqualTo(1);
        assertThat(check.output()).contains("object " + gone);
    }

    private void post(ServerProcess server, Multipart form) throws Exception {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(server.base() + "/api/v1/reports"))
                        .header("Content-Type", form.contentType())
                        .POST(HttpRequest.BodyPublishers.ofByteArray(form.bytes()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    }

    private void awaitStableHead(ServerProcess server) throws Exception {
        long last = -1;
        int same = 0;
        for (int i = 0; i < 120 && same < 3; i++) {
            Thread.sleep(1000);
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(URI.create(server.base() + "/api/v1/ledger/head"))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            long size = r.statusCode() == 200
                    ? json.readTree(r.body()).get("tree_size").asLong()
                    : -1;
            same = size == last && size > 0 ? same + 1 : 0;
            last = size;
        }
    }

    static String sha(byte[] b) throws Exception {
        return java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(b));
    }

    record Result(int exit, String output) {}

    private static synchronized Result filet(String... args) {
        PrintStream out = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = FiletCommand.commandLine().execute(args);
        } finally {
            System.setOut(out);
        }
        String output = captured.toString(StandardCharsets.UTF_8);
        out.println(output);
        return new Result(exit, output);
    }

    private static Path copy(Path from, Path to) throws Exception {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        return to;
    }
}
