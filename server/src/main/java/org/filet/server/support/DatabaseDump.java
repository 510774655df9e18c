package org.filet.server.support;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * A dump of the platform's database through PostgreSQL's own {@code COPY} (binary), read in one snapshot as the owner
 * role, and its load into a new database made by the same migrations. The embedded PostgreSQL ships no
 * {@code pg_dump}, and a downloaded one would have to match the server's version: {@code COPY} needs neither.
 *
 * <p>Generic: it reads the catalogue ({@code pg_tables}, {@code pg_sequences}, {@code pg_constraint}) and names no
 * capability's table. The schema is not dumped: a restore runs the migrations up to the dump's version, loads the
 * rows (user triggers off, as the owner may, so that loading the custody record queues nothing for the ledger), sets
 * the sequences, then runs any later migration.
 */
public final class DatabaseDump {

    static final String HISTORY = "flyway_schema_history";

    private DatabaseDump() {}

    /** A connection as the owner role, and the embedded server to stop afterwards when this process started it. */
    public record Owner(
            Connection connection,
            String url,
            String user,
            String password,
            String application,
            EmbeddedDatabase started)
            implements AutoCloseable {
        @Override
        public void close() throws Exception {
            try {
                connection.close();
            } finally {
                if (started != null) {
                    started.close();
                }
            }
        }
    }

    /**
     * The owner role of the database of {@code data}: the external PostgreSQL of {@code FILET_DB_URL}
     * ({@code FILET_DB_OWNER_USER}/{@code FILET_DB_OWNER_PASSWORD}, else {@code FILET_DB_USER}/{@code FILET_DB_PASSWORD}),
     * or the embedded one: a running server's, else started for the command (and stopped by {@link Owner#close}).
     */
    public static Owner owner(Path data) throws SQLException {
        String url = setting("FILET_DB_URL");
        if (!url.isBlank()) {
            String user = setting("FILET_DB_OWNER_USER").isBlank()
                    ? setting("FILET_DB_USER")
                    : setting("FILET_DB_OWNER_USER");
            String password = setting("FILET_DB_OWNER_USER").isBlank()
                    ? setting("FILET_DB_PASSWORD")
                    : setting("FILET_DB_OWNER_PASSWORD");
            String application = setting("FILET_DB_USER");
            return new Owner(
                    DriverManager.getConnection(url, user, password),
                    url,
                    user,
                    password,
                    application.equals(user) ? null : application,
                    null);
        }
        Optional<Integer> running = EmbeddedDatabase.runningPort(data);
        EmbeddedDatabase db =
                running.isPresent() ? EmbeddedDatabase.attach(data, running.get()) : EmbeddedDatabase.start(data);
        try {
            DatabasePasswords passwords = db.passwords();
            return new Owner(
                    DriverManager.getConnection(db.jdbcUrl(), DatabasePasswords.OWNER, passwords.owner()),
                    db.jdbcUrl(),
                    DatabasePasswords.OWNER,
                    passwords.owner(),
                    DatabasePasswords.APPLICATION,
                    running.isPresent() ? null : db);
        } catch (SQLException | RuntimeException e) {
            if (running.isEmpty()) {
                try {
                    db.close();
                } catch (IOException ignored) {
                    // reported through e
                }
            }
            throw e;
        }
    }

    /** A table as dumped: its columns in order and how many rows it held. */
    public record Table(String name, List<String> columns, long rows) {}

    /** The schema's tables (but the migrations' history), in an order that loads without breaking a foreign key. */
    public static List<String> tables(Connection c) throws SQLException {
        Set<String> tables = new LinkedHashSet<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "select tablename from pg_tables where schemaname = current_schema() order by 1")) {
            while (rs.next()) {
                if (!rs.getString(1).equals(HISTORY)) {
                    tables.add(rs.getString(1));
                }
            }
        }
        Map<String, Set<String>> dependsOn = new HashMap<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("""
                select c.conrelid::regclass::text, c.confrelid::regclass::text from pg_constraint c
                where c.contype = 'f' and c.connamespace = current_schema()::regnamespace""")) {
            while (rs.next()) {
                if (!rs.getString(1).equals(rs.getString(2))) {
                    dependsOn
                            .computeIfAbsent(unquote(rs.getString(1)), k -> new HashSet<>())
                            .add(unquote(rs.getString(2)));
                }
            }
        }
        List<String> ordered = new ArrayList<>();
        Set<String> done = new HashSet<>();
        while (ordered.size() < tables.size()) {
            boolean progressed = false;
            for (String t : tables) {
                if (!done.contains(t)
                        && done.containsAll(dependsOn.getOrDefault(t, Set.of()).stream()
                                .filter(tables::contains)
                                .toList())) {
                    ordered.add(t);
                    done.add(t);
                    progressed = true;
                }
            }
            if (!progressed) {
                throw new SQLException("the foreign keys between tables form a cycle: cannot order "
                        + tables.stream().filter(t -> !done.contains(t)).toList());
            }
        }
        return ordered;
    }

    /** Copies one table's rows (binary COPY) to {@code file}; run inside the dump's snapshot. */
    public static Table dumpTable(Connection c, String table, Path file) throws SQLException, IOException {
        List<String> columns = columns(c, table);
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            long rows = copy.copyOut(
                    "COPY " + quote(table) + " ("
                            + String.join(
                                    ", ",
                                    columns.stream().map(DatabaseDump::quote).toList()) + ") TO STDOUT (FORMAT binary)",
                    out);
            return new Table(table, columns, rows);
        }
    }

    /** Loads one dumped table into an empty table of the same schema, its user triggers off while it loads. */
    public static long loadTable(Connection c, Table table, Path file) throws SQLException, IOException {
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement();
                InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            s.execute("alter table " + quote(table.name()) + " disable trigger user");
            long rows = copy.copyIn(
                    "COPY " + quote(table.name()) + " ("
                            + String.join(
                                    ", ",
                                    table.columns().stream()
                                            .map(DatabaseDump::quote)
                                            .toList()) + ") FROM STDIN (FORMAT binary)",
                    in);
            s.execute("alter table " + quote(table.name()) + " enable trigger user");
            c.commit();
            if (rows != table.rows()) {
                throw new SQLException(table.name() + ": loaded " + rows + " rows, the dump has " + table.rows());
            }
            return rows;
        } catch (SQLException | IOException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
    }

    /** The schema's sequences and their last values (those never used are left out). */
    public static Map<String, Long> sequences(Connection c) throws SQLException {
        Map<String, Long> out = new LinkedHashMap<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "select sequencename, last_value from pg_sequences where schemaname = current_schema() order by 1")) {
            while (rs.next()) {
                long v = rs.getLong(2);
                if (!rs.wasNull()) {
                    out.put(rs.getString(1), v);
                }
            }
        }
        return out;
    }

    public static void setSequences(Connection c, Map<String, Long> sequences) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select setval(?::regclass, ?, true)")) {
            for (var e : sequences.entrySet()) {
                ps.setString(1, quote(e.getKey()));
                ps.setLong(2, e.getValue());
                ps.execute();
            }
        }
    }

    /** The migrations applied, in order ({@code version}s; repeatable ones have none and are left out). */
    public static List<String> migrations(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select version from " + HISTORY
                        + " where success and version is not null order by installed_rank")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    /** Whether the schema holds any table (a restore goes into an empty database only). */
    public static boolean empty(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from pg_tables where schemaname = current_schema()")) {
            rs.next();
            return rs.getLong(1) == 0;
        }
    }

    /**
     * Runs the platform's migrations as the owner up to {@code target} (all when null), granting the application role
     * its privileges after them as the server does.
     */
    public static void migrate(Owner owner, String target) {
        var config = Flyway.configure()
                .dataSource(owner.url(), owner.user(), owner.password())
                .locations("classpath:db/migration")
                .callbacks(new LeastPrivilege(owner.application()));
        if (target != null) {
            config.target(MigrationVersion.fromVersion(target));
        }
        config.load().migrate();
    }

    private static List<String> columns(Connection c, String table) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select attname from pg_attribute where attrelid = ?::regclass and attnum > 0 and not attisdropped
                and attgenerated = '' order by attnum""")) {
            ps.setString(1, quote(table));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static String unquote(String regclass) {
        return regclass.startsWith("\"")
                ? regclass.substring(1, regclass.length() - 1).replace("\"\"", "\"")
                : regclass;
    }

    private static String setting(String name) {
        String v = System.getenv(name);
        if (v == null) {
            v = System.getProperty(name, "");
        }
        return v.strip();
    }
}
