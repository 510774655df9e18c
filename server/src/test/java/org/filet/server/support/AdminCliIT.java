package org.filet.server.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code filet admin create-user} and {@code admin token} against a running server's data directory. */
class AdminCliIT {

    @TempDir
    Path data;

    @Test
    void createUserAndTokenWhileTheServerRunsThenTheTokenOpensTheQueue() throws Exception {
        try (ServerProcess server = ServerProcess.start(data)) {
            assertThat(server.output()).anyMatch(l -> l.contains("/setup/"));

            Result typo = filet(
                    "admin",
                    "create-user",
                    "--data",
                    data.toString(),
                    "--org",
                    "Asociation Test",
                    "--role",
                    "analyst",
                    "--email",
                    "typo@example.org");
            assertThat(typo.exit())
                    .as("a mistyped organisation is not created silently")
                    .isEqualTo(1);
            assertThat(typo.output()).contains("--new-org");

            Result created = filet(
                    "admin",
                    "create-user",
                    "--data",
                    data.toString(),
                    "--org",
                    "Association Test",
                    "--new-org",
                    "--role",
                    "analyst",
                    "--email",
                    "Ana@Example.org");
            assertThat(created.exit()).as(created.output()).isZero();
            assertThat(created.output())
                    .contains("created ana@example.org (analyst) in Association Test")
                    .as("the link names the port the server listens on")
                    .contains(server.base().replace("127.0.0.1", "localhost") + "/setup/")
                    .containsPattern("/setup/[a-z0-9]{32}");

            Result duplicate = filet(
                    "admin",
                    "create-user",
                    "--data",
                    data.toString(),
                    "--org",
                    "Association Test",
                    "--role",
                    "analyst",
                    "--email",
                    "ana@example.org");
            assertThat(duplicate.exit()).isEqualTo(1);
            assertThat(duplicate.output()).contains("already exists");

            Result badRole = filet(
                    "admin",
                    "create-user",
                    "--data",
                    data.toString(),
                    "--org",
                    "X",
                    "--role",
                    "chief",
                    "--email",
                    "x@example.org");
            assertThat(badRole.exit()).isNotZero();

            Result token = filet("admin", "token", "--data", data.toString(), "--email", "ana@example.org");
            assertThat(token.exit()).as(token.output()).isZero();
            String value = token.lastLine();
            assertThat(value).matches("filet_[a-z0-9]{40}");

            HttpClient http = HttpClient.newBuilder()
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
            HttpResponse<String> queue = http.send(
                    HttpRequest.newBuilder(URI.create(server.base() + "/staff/queue"))
                            .header("Authorization", "Bearer " + value)
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(queue.statusCode()).isEqualTo(200);
            HttpResponse<String> forged = http.send(
                    HttpRequest.newBuilder(URI.create(server.base() + "/staff/queue"))
                            .header("Authorization", "Bearer filet_" + "a".repeat(40))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(forged.statusCode()).isNotEqualTo(200);
        }
    }

    record Result(int exit, String output) {
        String lastLine() {
            String[] lines = output.strip().split("\n");
            return lines[lines.length - 1].strip();
        }
    }

    static Result filet(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "org.filet.server.cli.FiletCommand"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
