package org.filet.server.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code filet serve} on an external PostgreSQL given by FILET_DB_URL / FILET_DB_USER / FILET_DB_PASSWORD (CI starts
 * the machine's PostgreSQL 15 and passes it as FILET_TEST_DB_URL, _USER, _PASSWORD).
 */
class ExternalDatabaseIT {

    @TempDir
    Path data;

    @Test
    void servesFromAnExternalPostgresAndStartsNoEmbeddedOne() throws Exception {
        String url = System.getenv("FILET_TEST_DB_URL");
        if (url == null && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("CI must provide FILET_TEST_DB_URL (see .ci/run)");
        }
        Assumptions.assumeTrue(url != null, "SKIPPED: set FILET_TEST_DB_URL (+ _USER, _PASSWORD) to an external "
                + "PostgreSQL to test that path; .ci/run does it with the machine's PostgreSQL 15");
        String user = System.getenv().getOrDefault("FILET_TEST_DB_USER", "filet");
        String password = System.getenv().getOrDefault("FILET_TEST_DB_PASSWORD", "filet");
        // a database of its own, so that every run starts empty (the role needs CREATEDB; .ci/run grants it)
        String database = "filet_it_" + Long.toHexString(System.nanoTime());
        try (Connection admin = DriverManager.getConnection(url, user, password)) {
            admin.createStatement().execute("create database " + database);
        }
        url = url.replaceFirst("/[^/?]+(\\?|$)", "/" + database + "$1");
        try {
            run(url, user, password);
        } finally {
            try (Connection admin = DriverManager.getConnection(System.getenv("FILET_TEST_DB_URL"), user, password)) {
                admin.createStatement().execute("drop database if exists " + database + " with (force)");
            }
        }
    }

    private void run(String url, String user, String password) throws Exception {

        String receipt;
        try (ServerProcess server = ServerProcess.start(data,
                Map.of("FILET_DB_URL", url, "FILET_DB_USER", user, "FILET_DB_PASSWORD", password))) {
            HttpResponse<String> created = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(server.base() + "/api/v1/reports"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "{\"reporter\":{\"role\":\"parent\"},\"description\":\"base externe\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).isEqualTo(201);
            receipt = JsonMapper.builder().build().readTree(created.body()).get("receipt").asString();
            assertThat(server.output()).anyMatch(line -> line.contains("Using the external PostgreSQL"));
        }
        assertThat(Files.exists(data.resolve("pg"))).as("no embedded database was created").isFalse();
        try (Connection c = DriverManager.getConnection(url, user, password);
             var ps = c.prepareStatement("select description, (select setting from pg_settings where name = 'server_version_num') from report where receipt = ?")) {
            ps.setString(1, receipt);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("base externe");
                System.out.println("external PostgreSQL server_version_num " + rs.getString(2));
            }
        }
    }
}
