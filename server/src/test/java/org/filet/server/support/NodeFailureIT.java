package org.filet.server.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a node's death and a database restart cost under load: nothing acknowledged. Two nodes on one PostgreSQL; 16
 * clients send reports to both. Node A is killed (SIGKILL) in the middle: every report either node acknowledged is
 * readable through B, and every job ran exactly once. Then PostgreSQL is restarted under load: requests fail while it
 * is down (never a 201 for a report that was not kept), B is healthy again within 30 s, and nothing acknowledged is lost.
 */
class NodeFailureIT {

    @TempDir
    Path data;

    @TempDir
    Path pgData;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    /** receipt → access code, for every 201. */
    private final Map<String, String> acknowledged = new ConcurrentHashMap<>();

    @Test
    void killedNodeAndRestartedDatabaseLoseNothingAcknowledged() throws Exception {
        AtomicReference<EmbeddedPostgres> postgres = new AtomicReference<>(database(0));
        int port = postgres.get().getPort();
        OperatorDatabase.prepare(postgres.get());
        String url = OperatorDatabase.url(port);
        Map<String, String> env = OperatorDatabase.env(port, Map.of("FILET_THROTTLE_INTAKE_BURST", "100000"));
        try (ServerProcess a = ServerProcess.start(data, env);
                ServerProcess b = ServerProcess.start(data, env)) {
            // 1. A is killed under load
            load(List.of(a, b), Duration.ofSeconds(20), () -> {
                try {
                    a.kill();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            int afterKill = acknowledged.size();
            assertThat(afterKill)
                    .as("reports acknowledged while A lived and after")
                    .isGreaterThan(20);
            try (Connection db =
                    DriverManager.getConnection(url, OperatorDatabase.OWNER, OperatorDatabase.OWNER_PASSWORD)) {
                awaitJobsDone(db, Duration.ofMinutes(4));
                assertThat(count(db, "select count(*) from job where attempts <> 1"))
                        .as("no job lost or done twice (one claimed by A when it died ran again, once, on B)")
                        .isZero();
            }
            assertReadable(b);

            // 2. PostgreSQL restarts under load
            load(List.of(b), Duration.ofSeconds(20), () -> {
                try {
                    postgres.get().close();
                    Thread.sleep(3000);
                    postgres.set(database(port));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!healthy(b)) {
                assertThat(System.nanoTime())
                        .as("B healthy again within 30 s of the restart")
                        .isLessThan(end);
                Thread.sleep(500);
            }
            assertThat(acknowledged.size()).isGreaterThan(afterKill);
            assertReadable(b);
        } finally {
            postgres.get().close();
        }
    }

    /** 16 clients post reports round-robin for the duration; {@code midway} runs halfway through. */
    private void load(List<ServerProcess> nodes, Duration duration, Runnable midway) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(16);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger next = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(16);
        for (int i = 0; i < 16; i++) {
            clients.submit(() -> {
                try {
                    while (!stop.get()) {
                        ServerProcess node = nodes.get(next.getAndIncrement() % nodes.size());
                        try {
                            HttpResponse<String> r = http.send(
                                    HttpRequest.newBuilder(URI.create(node.base() + "/api/v1/reports"))
                                            .timeout(Duration.ofSeconds(20))
                                            .header("Content-Type", "application/json")
                                            .POST(HttpRequest.BodyPublishers.ofString(TwoNodesIT.REPORT))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString());
                            if (r.statusCode() == 201) {
                                JsonNode body = json.readTree(r.body());
                                acknowledged.put(
                                        body.get("receipt").asString(),
                                        body.get("accessCode").asString());
                            } else {
                                Thread.sleep(100);
                            }
                        } catch (java.io.IOException e) {
                            Thread.sleep(100); // a dead node, a refused connection: the client tries again
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    done.countDown();
                }
                return null;
            });
        }
        Thread.sleep(duration.toMillis() / 2);
        midway.run();
        Thread.sleep(duration.toMillis() / 2);
        stop.set(true);
        assertThat(done.await(60, TimeUnit.SECONDS)).isTrue();
        clients.shutdown();
    }

    private void assertReadable(ServerProcess node) throws Exception {
        for (Map.Entry<String, String> r : acknowledged.entrySet()) {
            HttpResponse<String> status = http.send(
                    HttpRequest.newBuilder(URI.create(node.base() + "/api/v1/reports/" + r.getKey()))
                            .header("X-Access-Code", r.getValue())
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(status.statusCode())
                    .as("acknowledged report " + r.getKey())
                    .isEqualTo(200);
        }
    }

    private boolean healthy(ServerProcess node) {
        try {
            return http.send(
                                    HttpRequest.newBuilder(URI.create(node.base() + "/actuator/health"))
                                            .timeout(Duration.ofSeconds(5))
                                            .GET()
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString())
                            .statusCode()
                    == 200;
        } catch (Exception e) {
            return false;
        }
    }

    private EmbeddedPostgres database(int port) throws java.io.IOException {
        return EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(pgData)
                .setCleanDataDirectory(false)
                .start();
    }

    private static void awaitJobsDone(Connection db, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (count(db, "select count(*) from job where done_at is null") > 0) {
            assertThat(System.nanoTime()).as("jobs done within " + timeout).isLessThan(end);
            Thread.sleep(500);
        }
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
}
