package org.filet.server.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.filet.server.Multipart;
import org.filet.server.TestImages;
import org.filet.server.cli.FiletCommand;
import org.filet.server.support.S3ProxyProcess;
import org.filet.server.support.ServerProcess;
import org.filet.verify.Sha256;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import tools.jackson.databind.json.JsonMapper;

/**
 * A server whose evidence is in an S3-compatible bucket and whose heads are mirrored to another (S3Proxy, a real
 * S3-compatible server in its own process): a report with files lands in the bucket encrypted, {@code ledger check}
 * passes, then finds an object changed in the bucket, and finds a truncation and a rollback with the S3 head mirror as
 * the only record outside the database; the health endpoint goes DOWN while the bucket's server is down.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class S3EvidenceIT {

    static final String BUCKET = "filet-evidence";
    static final String HEADS = "filet-heads";
    static final String REPORT = """
            {"reporter":{"role":"parent","language":"fr"},"child":{"age":12,"country":"FR"},"platform":"Snapchat",
             "suspectAccounts":[{"platform":"Snapchat","handle":"s3.store_%d"}],
             "description":"Des captures d'écran d'un compte qui écrit à ma fille (%d)."}""";

    final HttpClient http = HttpClient.newHttpClient();
    final JsonMapper json = JsonMapper.builder().build();

    Path work;
    Path base;
    S3ProxyProcess proxy;
    S3Client client;
    byte[] png;
    byte[] chat;
    long signed;
    final Map<String, String> previous = new HashMap<>();

    @BeforeAll
    void aServerOnS3WithAReportWithFiles() throws Exception {
        work = Files.createTempDirectory("filet-s3-");
        base = work.resolve("base");
        proxy = S3ProxyProcess.start(work.resolve("s3"), BUCKET, HEADS);
        client = proxy.settings(BUCKET).client();
        Map<String, String> env = new HashMap<>(proxy.environment(BUCKET, HEADS));
        env.put("SPRING_APPLICATION_JSON", "{\"filet\":{\"ledger\":{\"head-interval\":\"1s\"}}}");
        png = TestImages.png(41);
        chat = "[20/11/2026, 21:04:00] Lucas: salut\n".getBytes(StandardCharsets.UTF_8);
        try (ServerProcess server = ServerProcess.start(base, env)) {
            Multipart form = new Multipart()
                    .json("report", REPORT.formatted(1, 1))
                    .file("files", "capture.png", "image/png", png)
                    .file("files", "_chat.txt", "text/plain", chat);
            HttpResponse<String> created = http.send(
                    HttpRequest.newBuilder(URI.create(server.base() + "/api/v1/reports"))
                            .header("Content-Type", form.contentType())
                            .POST(HttpRequest.BodyPublishers.ofByteArray(form.bytes()))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            HttpResponse<String> second = http.send(
                    HttpRequest.newBuilder(URI.create(server.base() + "/api/v1/reports"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(REPORT.formatted(2, 2)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(second.statusCode()).as(second.body()).isEqualTo(201);
            signed = awaitStableHead(server);

            // health: UP, DOWN while the bucket's server is down, UP again once it is back
            assertThat(health(server).statusCode()).isEqualTo(200);
            proxy.stop();
            HttpResponse<String> down = health(server);
            assertThat(down.statusCode()).as(down.body()).isEqualTo(503);
            assertThat(down.body()).contains("DOWN");
            proxy.restart();
            HttpResponse<String> up = health(server);
            assertThat(up.statusCode()).as(up.body()).isEqualTo(200);
            assertThat(up.body()).contains("UP");
        }
        // the commands of this JVM reach the same buckets (the CLI reads system properties as it reads the environment)
        for (var e : proxy.environment(BUCKET, HEADS).entrySet()) {
            previous.put(e.getKey(), System.getProperty(e.getKey()));
            System.setProperty(e.getKey(), e.getValue());
        }
    }

    @AfterAll
    void stop() throws Exception {
        previous.forEach((k, v) -> {
            if (v == null) {
                System.clearProperty(k);
            } else {
                System.setProperty(k, v);
            }
        });
        if (client != null) {
            client.close();
        }
        if (proxy != null) {
            proxy.close();
        }
    }

    @Test
    void theFilesAreInTheBucketEncryptedAndTheLedgerHolds() throws Exception {
        String sha = Sha256.hex(png);
        byte[] inBucket = client.getObjectAsBytes(b -> b.bucket(BUCKET).key(S3EvidenceStore.contentKey(sha)))
                .asByteArray();
        assertThat(inBucket.length).isGreaterThan(png.length);
        assertThat(client.headObject(b -> b.bucket(BUCKET).key(S3EvidenceStore.keyKey(Sha256.hex(chat))))
                        .contentLength())
                .isPositive();
        try (Stream<Path> local = Files.walk(base)) {
            assertThat(local.filter(p -> p.getFileName().toString().matches("[0-9a-f]{64}(\\.key)?"))
                            .toList())
                    .as("no evidence object on the local disk")
                    .isEmpty();
        }
        try (EvidenceStores.Opened opened = EvidenceStores.open(base, S3Settings.fromProcess());
                InputStream in = opened.store().open(sha)) {
            assertThat(in.readAllBytes()).isEqualTo(png);
        }
        List<String> heads = new ArrayList<>();
        client.listObjectsV2Paginator(b -> b.bucket(HEADS).prefix("heads/"))
                .contents()
                .forEach(o -> heads.add(o.key()));
        assertThat(heads).contains(S3HeadMirror.headKey(signed));

        Result check = check(copy("clean"));
        assertThat(check.exit()).as(check.output()).isZero();
        assertThat(check.output()).contains("record(s) of the S3 head mirror").contains("objects ");
    }

    @Test
    void aTruncationAndARollbackAreFoundWithOnlyTheS3HeadMirror() throws Exception {
        Path truncated = copy("truncated");
        LedgerTrustIT.asSuperuser(
                truncated, c -> execute(c, "truncate custody_event, ledger_leaf, ledger_head, ledger_queue cascade"));
        Files.delete(HeadLog.primary(truncated));
        Result byS3 = check(truncated);
        assertThat(byS3.exit()).as(byS3.output()).isEqualTo(1);
        assertThat(byS3.output()).contains("TRUNCATED: database holds 0 leaves, S3 head mirror has signed " + signed);

        Path rolledBack = copy("rolled-back");
        long keep = signed - 2;
        LedgerTrustIT.asSuperuser(rolledBack, c -> {
            execute(c, "set session_replication_role = replica");
            execute(c, "delete from ledger_queue");
            List<Long> events = new ArrayList<>();
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select event_id from ledger_leaf where leaf_index >= " + keep)) {
                while (rs.next()) {
                    events.add(rs.getLong(1));
                }
            }
            execute(c, "delete from ledger_leaf where leaf_index >= " + keep);
            try (PreparedStatement ps = c.prepareStatement("delete from custody_event where id = any (?)")) {
                ps.setArray(1, c.createArrayOf("bigint", events.toArray()));
                ps.executeUpdate();
            }
            execute(c, "delete from ledger_head where tree_size > " + keep);
        });
        Files.delete(HeadLog.primary(rolledBack));
        Result rolled = check(rolledBack);
        assertThat(rolled.exit()).as(rolled.output()).isEqualTo(1);
        assertThat(rolled.output())
                .contains("ROLLED_BACK: database holds " + keep + " leaves, S3 head mirror has signed " + signed);
    }

    @Test
    void aHeadInTheMirrorIsNeverReplacedByAnother() throws Exception {
        S3HeadMirror mirror = new S3HeadMirror(client, HEADS, "test");
        String key = S3HeadMirror.headKey(signed);
        String head = client.getObjectAsBytes(b -> b.bucket(HEADS).key(key)).asUtf8String();
        String[] lines = head.split("\n", 4);
        String fork = lines[0] + "\n" + lines[1] + "\n" + "AAAA" + lines[2].substring(4) + "\n" + lines[3];
        assertThatThrownBy(() -> mirror.put(fork)).hasMessageContaining("another head of " + signed + " leaves");
        mirror.put(head); // the same head again: nothing changes
        assertThat(client.getObjectAsBytes(b -> b.bucket(HEADS).key(key)).asUtf8String())
                .isEqualTo(head);
    }

    @Test
    void anObjectChangedInTheBucketIsFoundByTheCheckAndByARead() throws Exception {
        Path data = copy("tampered");
        String sha = Sha256.hex(chat);
        String key = S3EvidenceStore.contentKey(sha);
        byte[] original =
                client.getObjectAsBytes(b -> b.bucket(BUCKET).key(key)).asByteArray();
        byte[] changed = original.clone();
        changed[changed.length - 20] ^= 0x40;
        client.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromBytes(changed));
        try {
            Result check = check(data);
            assertThat(check.exit()).as(check.output()).isEqualTo(1);
            assertThat(check.output()).contains("BAD object " + sha + ": ");
            try (EvidenceStores.Opened opened = EvidenceStores.open(data, S3Settings.fromProcess())) {
                assertThatThrownBy(() -> opened.store().check(sha)).isInstanceOf(EvidenceCorrupted.class);
            }
        } finally {
            client.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromBytes(original));
        }
    }

    @Test
    void aBackupOfAnInstanceOnS3RestoresAndTheLedgerHolds() throws Exception {
        Path backup = work.resolve("backup");
        Result made = filet("backup", "--data", copy("to-back-up").toString(), "--to", backup.toString());
        assertThat(made.exit()).as(made.output()).isZero();
        assertThat(Files.isRegularFile(EvidenceBackup.objectFile(backup.resolve("evidence"), Sha256.hex(png))))
                .isTrue();
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
        Result check = check(restored);
        assertThat(check.exit()).as(check.output()).isZero();
    }

    private HttpResponse<String> health(ServerProcess server) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(server.base() + "/actuator/health"))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    record Result(int exit, String output) {}

    private static Result check(Path data) {
        return filet("ledger", "check", "--data", data.toString());
    }

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

    private Path copy(String name) throws Exception {
        Path target = work.resolve(name);
        try (Stream<Path> files = Files.walk(base)) {
            for (Path p : files.toList()) {
                Path to = target.resolve(base.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                    Files.setPosixFilePermissions(to, Files.getPosixFilePermissions(p));
                } else if (!p.getFileName().toString().equals("postmaster.pid")) {
                    Files.copy(p, to, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        return target;
    }

    private long awaitStableHead(ServerProcess server) throws Exception {
        long last = -1;
        int same = 0;
        for (int i = 0; i < 120 && same < 4; i++) {
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
        assertThat(same).as("the head stopped growing").isEqualTo(4);
        return last;
    }

    private static void execute(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
