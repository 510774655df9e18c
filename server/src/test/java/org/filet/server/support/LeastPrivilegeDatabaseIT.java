package org.filet.server.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.filet.server.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The embedded PostgreSQL as the running server uses it: the server's own connections cannot rewrite the custody
 * record (no UPDATE, DELETE, TRUNCATE, no trigger control, no replica mode), and nobody gets in without a password.
 */
class LeastPrivilegeDatabaseIT extends ServerTest {

    /** insufficient_privilege */
    private static final String DENIED = "42501";

    @Autowired
    DataSource dataSource;

    @Test
    void theServersRoleCanAppendToTheCustodyRecordButNeverChangeIt() throws Exception {
        assertThat(postJson("/api/v1/reports", "{\"reporter\":{\"role\":\"parent\"},\"description\":\"droits\"}")
                        .statusCode())
                .isEqualTo(201);
        try (Connection c = dataSource.getConnection()) {
            assertThat(scalar(c, "select current_user")).isEqualTo(DatabasePasswords.APPLICATION);
            assertThat(scalar(
                            c,
                            "select rolsuper::text || rolreplication::text || rolbypassrls::text || rolcreaterole::text"
                                    + " || rolcreatedb::text from pg_roles where rolname = current_user"))
                    .isEqualTo("falsefalsefalsefalsefalse");
            assertThat(
                            scalar(
                                    c,
                                    "select count(*) from pg_class where relowner = (select oid from pg_roles where rolname = current_user)"))
                    .isEqualTo("0");
            long events = Long.parseLong(scalar(c, "select count(*) from custody_event"));
            assertThat(events).isPositive();

            for (String table : List.of("custody_event", "ledger_leaf", "ledger_head", "evidence_object")) {
                denied(
                        c,
                        "update " + table + " set "
                                + (table.equals("evidence_object")
                                        ? "size = size"
                                        : table.equals("custody_event")
                                                ? "actor = 'user:someone-else'"
                                                : table.equals("ledger_leaf") ? "entry = entry" : "sth = sth"));
                denied(c, "delete from " + table);
                denied(c, "truncate " + table + " cascade");
                denied(c, "alter table " + table + " disable trigger all");
            }
            denied(c, "alter table custody_event disable trigger custody_event_append_only");
            denied(c, "set session_replication_role = replica");
            denied(
                    c,
                    "create trigger sneak before insert on custody_event for each row execute function filet_refuse_change()");
            denied(c, "drop table custody_event cascade");
            // nothing removed or rewritten (the analysis jobs may have appended meanwhile)
            assertThat(Long.parseLong(scalar(c, "select count(*) from custody_event")))
                    .isGreaterThanOrEqualTo(events);
            assertThat(scalar(c, "select count(*) from custody_event where actor = 'user:someone-else'"))
                    .isEqualTo("0");

            // what the server needs still works: appending, and the sequencer emptying its queue
            assertThat(
                            scalar(
                                    c,
                                    "select has_table_privilege('custody_event', 'INSERT')::text"
                                            + " || has_table_privilege('ledger_queue', 'DELETE')::text || has_table_privilege('report', 'UPDATE')::text"))
                    .isEqualTo("truetruetrue");
            assertThat(LeastPrivilege.findings(c)).isEmpty();
        }
    }

    @Test
    void theSuperuserCanStillDoItWhichIsWhatTheHelperIsFor() throws Exception {
        try (Connection c = DatabaseSuperuser.connect(DATA)) {
            assertThat(scalar(c, "select rolsuper::text from pg_roles where rolname = current_user"))
                    .isEqualTo("true");
            assertThat(scalar(c, "show listen_addresses")).isEqualTo("127.0.0.1");
            assertThat(scalar(c, "show unix_socket_directories")).isEmpty();
            assertThat(scalar(c, "show password_encryption")).isEqualTo("scram-sha-256");
            assertThat(scalar(c, "select count(*) from pg_hba_file_rules where auth_method not in ('scram-sha-256')"))
                    .isEqualTo("0");
            assertThat(
                            scalar(
                                    c,
                                    "select count(*) from pg_tables where schemaname = 'public' and tableowner <> 'filet_owner'"))
                    .isEqualTo("0");
        }
    }

    @Test
    void aConnectionWithoutTheRightPasswordIsRefused() throws Exception {
        String url = DatabaseSuperuser.url(DATA);
        for (String user :
                List.of(DatabasePasswords.SUPERUSER, DatabasePasswords.OWNER, DatabasePasswords.APPLICATION)) {
            assertThatThrownBy(() -> DriverManager.getConnection(url, user, "").close())
                    .as(user + " without password")
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() ->
                            DriverManager.getConnection(url + "?user=" + user).close())
                    .as(user + " with no password at all")
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() ->
                            DriverManager.getConnection(url, user, "postgres").close())
                    .as(user + " with a wrong password")
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("password authentication failed");
        }
        assertThat(Files.readString(DATA.resolve("pg").resolve("pg_hba.conf")))
                .doesNotContainPattern("(?m)^[^#]*\\btrust\\b");
    }

    @Test
    void thePasswordFileIsReadableByItsOwnerOnly() throws Exception {
        Path file = DATA.resolve(DatabasePasswords.FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(Files.exists(DATA.resolve(".pg-superuser-password")))
                .as("initdb's password file is removed")
                .isFalse();
    }

    private static void denied(Connection c, String sql) {
        ThrowingCallable run = () -> {
            try (Statement s = c.createStatement()) {
                s.execute(sql);
            }
        };
        assertThatThrownBy(run)
                .as(sql)
                .isInstanceOfSatisfying(
                        SQLException.class,
                        e -> assertThat(e.getSQLState())
                                .as(sql + ": " + e.getMessage())
                                .isEqualTo(DENIED));
    }

    static String scalar(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }
}
