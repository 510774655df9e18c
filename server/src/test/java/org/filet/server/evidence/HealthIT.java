package org.filet.server.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.filet.server.support.ServerProcess;
import org.junit.jupiter.api.Test;

/**
 * {@code /actuator/health} on the local evidence store: DOWN while the evidence directory is gone, UP once it is back;
 * DOWN when the database dies under the server. (The S3 store's DOWN and UP: {@link S3EvidenceIT}.)
 */
class HealthIT {

    final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void healthIsDownWhileTheEvidenceStoreOrTheDatabaseIsUnreachable() throws Exception {
        Path data = Files.createTempDirectory("filet-health-");
        try (ServerProcess server = ServerProcess.start(data)) {
            assertThat(health(server).statusCode()).isEqualTo(200);

            Path evidence = data.resolve("evidence");
            Path aside = data.resolve("evidence-aside");
            Files.move(evidence, aside);
            HttpResponse<String> down = health(server);
            assertThat(down.statusCode()).as(down.body()).isEqualTo(503);
            assertThat(down.body()).contains("DOWN");
            Files.move(aside, evidence);
            assertThat(health(server).statusCode()).isEqualTo(200);

            long postmaster =
                    Long.parseLong(Files.readAllLines(data.resolve("pg").resolve("postmaster.pid"))
                            .get(0)
                            .strip());
            ProcessHandle.of(postmaster).orElseThrow().destroyForcibly();
            HttpResponse<String> noDatabase = health(server);
            assertThat(noDatabase.statusCode()).as(noDatabase.body()).isEqualTo(503);
            assertThat(noDatabase.body()).contains("DOWN");
            server.kill();
        } finally {
            org.springframework.util.FileSystemUtils.deleteRecursively(data);
        }
    }

    private HttpResponse<String> health(ServerProcess server) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(server.base() + "/actuator/health"))
                        .timeout(Duration.ofSeconds(90))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
