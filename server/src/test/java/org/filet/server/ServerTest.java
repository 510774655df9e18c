package org.filet.server;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Base of the tests that run the whole server on a random port against the real embedded PostgreSQL, in a data
 * directory of their own. All subclasses share one application context (same configuration), so it starts once.
 */
@SpringBootTest(classes = FiletApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ServerTest {

    protected static final Path DATA;
    protected static final org.filet.server.support.TestTsaServer TSA;
    /** An SMTP server on 127.0.0.1 for the alert emails (GreenMail, in-process). */
    protected static final com.icegreen.greenmail.util.GreenMail SMTP;

    protected static final JsonMapper JSON = JsonMapper.builder().build();

    static {
        try {
            DATA = Files.createTempDirectory("filet-test-");
            TSA = org.filet.server.support.TestTsaServer.start();
            SMTP = new com.icegreen.greenmail.util.GreenMail(new com.icegreen.greenmail.util.ServerSetup(
                    freePort(), "127.0.0.1", com.icegreen.greenmail.util.ServerSetup.PROTOCOL_SMTP));
            SMTP.start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void data(DynamicPropertyRegistry registry) {
        registry.add("filet.data", DATA::toString);
        registry.add("filet.intake.max-file-size", () -> "2MB");
        registry.add("filet.ledger.tsa-url", TSA::url);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        registry.add("filet.intake.max-upload-size", () -> "20MB");
        // the tests send many reports from 127.0.0.1: that address gets a wide intake limit; the throttling tests
        // (ThrottleIT) present other addresses through a trusted proxy's X-Forwarded-For and meet the real limits
        registry.add("filet.throttle.intake-per-hour-for[127.0.0.1]", () -> "1000000000");
        registry.add("filet.throttle.trusted-proxy", () -> "true");
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @LocalServerPort
    protected int port;

    protected final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    protected URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    protected HttpResponse<String> postJson(String path, String json) throws Exception {
        return http.send(
                HttpRequest.newBuilder(uri(path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A form POST authenticated by an API token (as a script or the browser's form would send it). */
    protected HttpResponse<String> postForm(String path, String token, String form) throws Exception {
        return http.send(
                HttpRequest.newBuilder(uri(path))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    protected HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).GET();
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    protected static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }
}
