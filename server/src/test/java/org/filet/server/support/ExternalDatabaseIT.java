package org.filet.server.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.filet.server.support.LeastPrivilegeDatabaseIT.scalar;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code filet serve} on an external PostgreSQL given by FILET_DB_URL, with two roles: FILET_DB_OWNER_USER runs the
 * migrations and owns the tables, FILET_DB_USER is what the server runs as. CI starts the machine's PostgreSQL 15 and
 * passes its address and both roles as FILET_TEST_DB_URL, FILET_TEST_DB_OWNER_USER/_PASSWORD and
 * FILET_TEST_DB_USER/_PASSWORD (see .ci/run); the owner role needs CREATEDB (each run gets a database of its own).
 */
class ExternalDatabaseIT {

    @TempDir
    Path data;

    @Test
    void servesFromAnExternalPostgresAsALeastPrivilegeRoleAndStartsNoEmbeddedOne() throws Exception {
        String url = System.getenv("FILET_TEST_DB_URL");
        String owner = System.getenv("FILET_TEST_DB_OWNER_USER");
        if ((url == null || owner == null) && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException(
                    "CI must provide FILET_TEST_DB_URL and FILET_TEST_DB_OWNER_USER (see .ci/run)");
        }
        Assumptions.assumeTrue(
                url != null && owner != null,
                "SKIPPED: set FILET_TEST_DB_URL, FILET_TEST_DB_OWNER_USER "
                        + "(+ _PASSWORD, a role with CREATEDB) and FILET_TEST_DB_USER (+ _PASSWORD) to an external PostgreSQL to "
                        + "test that path; .ci/run does it with the machine's PostgreSQL 15");
        Roles roles = new Roles(
                owner,
                System.getenv().getOrDefault("FILET_TEST_DB_OWNER_PASSWORD", ""),
                System.getenv().getOrDefault("FILET_TEST_DB_USER", "filet_ci_app"),
                System.getenv().getOrDefault("FILET_TEST_DB_PASSWORD", ""));
        String database = "filet_it_" + Long.toHexString(System.nanoTime());
        try (Connection c = DriverManager.getConnection(url, roles.owner(), roles.ownerPassword())) {
            c.createStatement().execute("create database " + database);
        }
        String own = url.replaceFirst("/[^/?]+(\\?|$)", "/" + database + "$1");
        try {
            run(own, roles);
        } finally {
            try (Connection c = DriverManager.getConnection(url, roles.owner(), roles.ownerPassword())) {
                c.createStatement().execute("drop database if exists " + database + " with (force)");
            }
        }
    }

    record Roles(String owner, String ownerPassword, String application, String applicationPassword) {}

    private void run(String url, Roles roles) throws Exception {
        String receipt;
        try (ServerProcess server = ServerProcess.start(
                data,
                Map.of(
                        "FILET_DB_URL",
                        url,
                        "FILET_DB_OWNER_USER",
                        roles.owner(),
                        "FILET_DB_OWNER_PASSWORD",
                        roles.ownerPassword(),
                        "FILET_DB_USER",
                        roles.application(),
                        "FILET_DB_PASSWORD",
                        roles.applicationPassword()))) {
            HttpResponse<String> created = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(server.base() + "/api/v1/reports"))
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(
                                            "{\"reporter\":{\"role\":\"parent\"},\"description\":\"base externe\"}"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).isEqualTo(201);
            receipt = JsonMapper.builder()
                    .build()
                    .readTree(created.body())
                    .get("receipt")
                    .asString();
            assertThat(server.output()).anyMatch(line -> line.contains("Using the external PostgreSQL"));
            assertThat(server.output())
                    .as("no privilege warning for a proper two-role set-up")
                    .noneMatch(line ->
                            line.contains("Database privileges:") || line.contains("FILET_DB_OWNER_USER is not set"));
        }
        assertThat(Files.exists(data.resolve("pg")))
                .as("no embedded database was created")
                .isFalse();

        try (Connection app = DriverManager.getConnection(url, roles.application(), roles.applicationPassword())) {
            try (var ps = app.prepareStatement("select description, (select setting from pg_settings where name = "
                    + "'server_version_num') from report where receipt = ?")) {
                ps.setString(1, receipt);
                try (ResultSet rs = ps.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).isEqualTo("base externe");
                    System.out.println("external PostgreSQL server_version_num " + rs.getString(2));
                }
            }
            assertThat(scalar(app, "select rolsuper::text from pg_roles where rolname = current_user"))
                    .isEqualTo("false");
            long events = Long.parseLong(scalar(app, "select count(*) from custody_event"));
            assertThat(events).isPositive();
            try (Statement s = app.createStatement()) {
                for (String sql : new String[] {
                    "update custody_event set actor = 'user:someone-else'",
                    "delete from custody_event",
                    "truncate custody_event cascade",
                    "truncate ledger_leaf cascade",
                    "delete from ledger_head",
                    "update evidence_object set size = size",
                    "alter table custody_event disable trigger custody_event_append_only",
                    "alter table ledger_leaf disable trigger all",
                    "set session_replication_role = replica"
                }) {
                    assertThatThrownBy(() -> s.execute(sql))
                            .as(sql)
                            .isInstanceOfSatisfying(
                                    SQLException.class,
                                    e -> assertThat(e.getSQLState())
                                            .as(sql + ": " + e.getMessage())
                                            .isEqualTo("42501"));
                }
            }
            // nothing removed or rewritten (the analysis jobs may have appended meanwhile)
            assertThat(Long.parseLong(scalar(app, "select count(*) from custody_event")))
                    .isGreaterThanOrEqualTo(events);
            assertThat(scalar(app, "select count(*) from custody_event where actor = 'user:someone-else'"))
                    .isEqualTo("0");
            assertThat(LeastPrivilege.findings(app)).isEmpty();
            assertThat(scalar(
                            app,
                            "select count(*) from pg_tables where schemaname = 'public' and tableowner <> '"
                                    + roles.owner().replace("'", "''") + "'"))
                    .isEqualTo("0");
        }
        try (Connection owner = DriverManager.getConnection(url, roles.owner(), roles.ownerPassword())) {
            assertThat(LeastPrivilege.findings(owner))
                    .as("the check names what the owner role could do")
                    .anyMatch(f -> f.contains("owns") && f.contains("table(s)"))
                    .anyMatch(f ->
                            f.contains("can UPDATE, DELETE, TRUNCATE, TRIGGER the append-only table custody_event"));
        }

        // today's single-role set-up still starts, with a warning
        try (ServerProcess server = ServerProcess.start(
                data,
                Map.of(
                        "FILET_DB_URL",
                        url,
                        "FILET_DB_USER",
                        roles.owner(),
                        "FILET_DB_PASSWORD",
                        roles.ownerPassword()))) {
            assertThat(server.output())
                    .anyMatch(line -> line.contains("FILET_DB_OWNER_USER is not set"))
                    .anyMatch(line -> line.contains("Database privileges:") && line.contains("owns"));
            HttpResponse<String> status = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(server.base() + "/api/v1/reports/" + receipt))
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(status.statusCode()).as("the server answers").isLessThan(500);
        }
    }
}
