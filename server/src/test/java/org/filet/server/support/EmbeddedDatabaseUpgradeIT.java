package org.filet.server.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.filet.server.support.LeastPrivilegeDatabaseIT.scalar;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data directory made by an earlier Filet (the embedded PostgreSQL trusting every local connection, the server
 * connected as superuser and owning every table) is upgraded in place by its first start, and keeps its data.
 */
class EmbeddedDatabaseUpgradeIT {

    @TempDir
    Path data;

    @Test
    void aTrustingDataDirectoryGetsPasswordsAndTwoRolesAndKeepsItsCustodyRecord() throws Exception {
        // what the previous version left: initdb -A trust, migrations and rows written by the superuser
        try (EmbeddedPostgres old = EmbeddedPostgres.builder()
                .setDataDirectory(data.resolve("pg"))
                .setCleanDataDirectory(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("listen_addresses", "127.0.0.1")
                .start()) {
            String url = EmbeddedDatabase.jdbcUrl(old.getPort());
            Flyway.configure()
                    .dataSource(url, "postgres", "postgres")
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
            try (Connection c = DriverManager.getConnection(url, "postgres", "anything: trust ignores it");
                    Statement s = c.createStatement()) {
                s.execute("insert into custody_event (action, actor, subject, instance) "
                        + "values ('received', 'component:intake@0.0.1', 'report:R-OLD', 'filet-old')");
            }
        }
        assertThat(Files.readString(data.resolve("pg").resolve("pg_hba.conf"))).containsPattern("(?m)^host.*trust");
        assertThat(data.resolve(DatabasePasswords.FILE)).doesNotExist();

        try (ServerProcess server = ServerProcess.start(data)) {
            assertThat(server.output()).anyMatch(l -> l.contains("switching to SCRAM authentication"));
            HttpResponse<String> created = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(server.base() + "/api/v1/reports"))
                                    .header("Content-Type", "application/json")
                                    .POST(
                                            HttpRequest.BodyPublishers.ofString(
                                                    "{\"reporter\":{\"role\":\"parent\"},\"description\":\"après la mise à jour\"}"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

            String url = DatabaseSuperuser.url(data);
            assertThatThrownBy(() ->
                            DriverManager.getConnection(url, "postgres", "").close())
                    .as("the superuser without a password")
                    .isInstanceOf(SQLException.class);
            assertThat(PosixFilePermissions.toString(
                            Files.getPosixFilePermissions(data.resolve(DatabasePasswords.FILE))))
                    .isEqualTo("rw-------");
            assertThat(Files.readString(data.resolve("pg").resolve("pg_hba.conf")))
                    .doesNotContainPattern("(?m)^[^#]*\\btrust\\b");

            try (Connection su = DatabaseSuperuser.connect(data)) {
                assertThat(scalar(su, "select count(*) from custody_event where subject = 'report:R-OLD'"))
                        .isEqualTo("1");
                assertThat(scalar(su, "select count(*) from custody_event")).isNotEqualTo("1");
                assertThat(scalar(
                                su,
                                "select string_agg(tablename, ', ') from pg_tables where schemaname = 'public'"
                                        + " and tableowner <> 'filet_owner'"))
                        .as("tables the owner role does not own")
                        .isNull();
                assertThat(scalar(
                                su,
                                "select pg_get_userbyid(datdba) from pg_database where datname = current_database()"))
                        .isEqualTo(DatabasePasswords.OWNER);
            }
            try (Connection app = DatabaseSuperuser.connectAsApplication(data);
                    Statement s = app.createStatement()) {
                assertThatThrownBy(
                                () -> s.execute("update custody_event set actor = 'x' where subject = 'report:R-OLD'"))
                        .isInstanceOfSatisfying(
                                SQLException.class,
                                e -> assertThat(e.getSQLState()).isEqualTo("42501"));
                assertThatThrownBy(() -> s.execute("alter table custody_event disable trigger all"))
                        .isInstanceOfSatisfying(
                                SQLException.class,
                                e -> assertThat(e.getSQLState()).isEqualTo("42501"));
                assertThat(LeastPrivilege.findings(app)).isEmpty();
            }
        }

        // the operator's commands on the stopped server's data directory, as the application role
        AdminCliIT.Result check = AdminCliIT.filet("ledger", "check", "--data", data.toString());
        assertThat(check.exit()).as(check.output()).isZero();
        assertThat(check.output()).contains("ledger OK");
        AdminCliIT.Result user = AdminCliIT.filet(
                "admin",
                "create-user",
                "--data",
                data.toString(),
                "--org",
                "Filet",
                "--role",
                "lead",
                "--email",
                "lead@filet.test");
        assertThat(user.exit()).as(user.output()).isZero();

        // the same data directory starts again, as an upgraded one, with the same passwords
        DatabasePasswords kept = DatabasePasswords.load(data);
        try (ServerProcess server = ServerProcess.start(data)) {
            assertThat(server.output()).noneMatch(l -> l.contains("switching to SCRAM authentication"));
            assertThat(DatabasePasswords.load(data)).usingRecursiveComparison().isEqualTo(kept);
            try (Connection app = DatabaseSuperuser.connectAsApplication(data)) {
                assertThat(scalar(app, "select count(*) from custody_event where subject = 'report:R-OLD'"))
                        .isEqualTo("1");
            }
        }
    }
}
