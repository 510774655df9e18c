package org.filet.server.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.filet.server.Multipart;
import org.filet.server.TestImages;
import org.filet.server.intake.ReportReceived;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two {@code filet serve} nodes on one PostgreSQL (the operator's two roles) and one evidence store (a shared data
 * directory, as a shared file system would be), as behind a load balancer with no sticky sessions: reports sent to
 * either are analysed exactly once; a picture first hashed on one node is matched by the other, which learnt it
 * through the change notices (the node that hashed the first picture is frozen meanwhile); a session opened on one
 * node is honoured by the other.
 */
class TwoNodesIT {

    static final String REPORT = """
            {"reporter":{"role":"parent","language":"fr"},"child":{"age":12,"country":"FR"},"platform":"Snapchat",
             "suspectAccounts":[{"platform":"Snapchat","handle":"lucas_2009","displayName":"Lucas"}],
             "messages":[{"at":"2026-11-20 21:04","from":"suspect","sender":"Lucas","text":"t'as quel âge ?"}],
             "description":"Un adulte écrit à ma fille sur Snapchat.","immediateDanger":false}""";

    @TempDir
    Path data;

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void twoNodesShareTheWorkTheIndexesAndTheSessions() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            OperatorDatabase.prepare(postgres);
            String url = OperatorDatabase.url(postgres.getPort());
            Map<String, String> env = OperatorDatabase.env(
                    postgres.getPort(),
                    Map.of(
                            "FILET_NOTICES_POLL", "60s", // notices, not the fallback poll, must carry the changes
                            // one test address sends them all (the limit holds across nodes)
                            "FILET_THROTTLE_INTAKE_BURST", "1000"));
            try (ServerProcess a = ServerProcess.start(data, env);
                    ServerProcess b = ServerProcess.start(data, env);
                    Connection db =
                            DriverManager.getConnection(url, OperatorDatabase.OWNER, OperatorDatabase.OWNER_PASSWORD)) {
                String token = adminToken(env);
                List<ServerProcess> nodes = List.of(a, b);

                // reports round-robin, each analysed exactly once
                List<String> receipts = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    receipts.add(post(nodes.get(i % 2), REPORT, null));
                }
                await(Duration.ofMinutes(3), () -> count(db, "select count(*) from job where done_at is null") == 0);
                assertThat(count(db, "select count(*) from job where attempts <> 1"))
                        .as("every job ran once, on one node")
                        .isZero();
                assertThat(count(
                                db,
                                "select count(distinct r.id) from report r join report_triage t on t.report_id = r.id"))
                        .isEqualTo(20);

                // a picture hashed on one node ...
                String first = post(a, REPORT, TestImages.png(7));
                await(
                        Duration.ofMinutes(2),
                        () -> count(
                                        db,
                                        "select count(*) from media_hash m join report r "
                                                + "on r.id = m.report_id where r.receipt = '" + first
                                                + "' and m.pdq is not null")
                                == 1);
                Map<ServerProcess, Double> hashedBefore = new HashMap<>();
                ServerProcess hasher = null;
                for (ServerProcess node : nodes) {
                    double done =
                            metric(node, token, "filet_jobs_done_total", "kind=\"" + ReportReceived.MEDIA_JOB + "\"");
                    hashedBefore.put(node, done);
                    if (done >= 1) {
                        hasher = node;
                    }
                }
                assertThat(hasher).as("one node ran the picture's job").isNotNull();
                ServerProcess other = hasher == a ? b : a;
                ServerProcess otherNode = other;
                await(Duration.ofSeconds(30), () -> metric(otherNode, token, "filet_index_pdq_hashes", null) >= 1);

                // ... is matched on the other while the first is frozen (it cannot take the job)
                signal(hasher, "STOP");
                try {
                    String second = post(other, REPORT, TestImages.jpeg(7));
                    await(
                            Duration.ofMinutes(2),
                            () -> count(
                                            db,
                                            "select count(*) from media_match m "
                                                    + "join report r on r.id = m.report_id join report f on f.id = m.matched_report_id "
                                                    + "where r.receipt = '" + second + "' and f.receipt = '" + first
                                                    + "'")
                                    == 1);
                    assertThat(metric(
                                    other, token, "filet_jobs_done_total", "kind=\"" + ReportReceived.MEDIA_JOB + "\""))
                            .isGreaterThan(hashedBefore.get(other));
                } finally {
                    signal(hasher, "CONT");
                }
                // both networks know the two reports are linked by the picture
                assertThat(metric(a, token, "filet_index_pdq_hashes", null)).isEqualTo(2);
                await(Duration.ofSeconds(30), () -> metric(b, token, "filet_index_pdq_hashes", null) == 2);

                // a session opened on A (the public form's CSRF token lives in it) is honoured by B
                HttpResponse<String> form = http.send(
                        HttpRequest.newBuilder(URI.create(a.base() + "/status"))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                String cookie =
                        form.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
                Matcher csrf =
                        Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
                assertThat(csrf.find()).isTrue();
                String body = "receipt=" + receipts.get(0) + "&accessCode=wrong-code&_csrf=" + csrf.group(1);
                HttpResponse<String> onB = http.send(
                        HttpRequest.newBuilder(URI.create(b.base() + "/status"))
                                .header("Cookie", cookie)
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(onB.statusCode())
                        .as("B knows A's session and its CSRF token")
                        .isNotEqualTo(403);
                HttpResponse<String> stranger = http.send(
                        HttpRequest.newBuilder(URI.create(b.base() + "/status"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(stranger.statusCode())
                        .as("without the session the token is refused")
                        .isEqualTo(403);
            }
        }
    }

    private String post(ServerProcess node, String report, byte[] png) throws Exception {
        Multipart form = new Multipart().json("report", report);
        if (png != null) {
            form.file("files", "photo.png", "image/png", png);
        }
        HttpResponse<String> created = http.send(
                HttpRequest.newBuilder(URI.create(node.base() + "/api/v1/reports"))
                        .header("Content-Type", form.contentType())
                        .POST(HttpRequest.BodyPublishers.ofByteArray(form.bytes()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json.readTree(created.body()).get("receipt").asString();
    }

    /** A metric's value on one node, summed over its series (or those whose labels contain {@code labels}). */
    private double metric(ServerProcess node, String token, String name, String labels) {
        try {
            HttpResponse<String> scrape = http.send(
                    HttpRequest.newBuilder(URI.create(node.base() + "/actuator/prometheus"))
                            .header("Authorization", "Bearer " + token)
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(scrape.statusCode()).isEqualTo(200);
            double sum = 0;
            for (String line : scrape.body().split("\n")) {
                if (line.startsWith(name + "{") || line.startsWith(name + " ")) {
                    if (labels == null || line.contains(labels)) {
                        sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                    }
                }
            }
            return sum;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String adminToken(Map<String, String> env) throws Exception {
        String out = filet(
                env,
                "admin",
                "create-user",
                "--data",
                data.toString(),
                "--org",
                "Filet",
                "--role",
                "admin",
                "--email",
                "ops@example.org");
        assertThat(out).contains("created ops@example.org");
        String[] lines = filet(env, "admin", "token", "--data", data.toString(), "--email", "ops@example.org")
                .strip()
                .split("\n");
        return lines[lines.length - 1].strip();
    }

    private static String filet(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "org.filet.server.cli.FiletCommand"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String output = new String(out, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(output).isZero();
        return output;
    }

    private static void signal(ServerProcess node, String signal) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(node.pid())).start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
    }

    private static long count(Connection db, String sql) {
        try (Statement s = db.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not within " + timeout);
            }
            Thread.sleep(250);
        }
    }
}
