package org.filet.server.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL 17 server that runs under {@code <data>/pg} when no external database is configured.
 *
 * <p>Its data directory is kept across restarts. If the previous Filet process died without stopping it (kill -9,
 * power loss of the JVM only), the orphaned server is stopped first and PostgreSQL's own crash recovery takes over:
 * everything that was committed is still there.
 *
 * <p>It listens on 127.0.0.1 only (no Unix socket) and asks every connection for a SCRAM password: the superuser's is
 * given to {@code initdb} on first start, so there is never a moment without one. A data directory made by an earlier
 * Filet (which trusted every local connection) is upgraded in place on its first start: passwords set, pg_hba.conf
 * rewritten, configuration reloaded. The server runs as {@link DatabasePasswords#APPLICATION}, the migrations as
 * {@link DatabasePasswords#OWNER} (see {@link EmbeddedRoles}).
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

    private final EmbeddedPostgres postgres;
    private final int port;
    private final DatabasePasswords passwords;

    private EmbeddedDatabase(EmbeddedPostgres postgres, int port, DatabasePasswords passwords) {
        this.postgres = postgres;
        this.port = port;
        this.passwords = passwords;
    }

    /** Starts (creating on first use, upgrading a trusting one) the database under {@code dataDir/pg}. */
    public static EmbeddedDatabase start(Path dataDir) {
        Path pgDir = dataDir.resolve("pg");
        Path pwfile = dataDir.resolve(".pg-superuser-password");
        try {
            Files.createDirectories(dataDir);
            stopOrphan(pgDir);
            boolean fresh = !Files.exists(pgDir.resolve("postgresql.conf"));
            boolean trusting = !fresh && EmbeddedRoles.trusts(pgDir.resolve("pg_hba.conf"));
            DatabasePasswords passwords =
                    fresh || trusting ? DatabasePasswords.loadOrCreate(dataDir) : DatabasePasswords.load(dataDir);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(pgDir)
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("unix_socket_directories", "''")
                    .setServerConfig("password_encryption", "scram-sha-256")
                    .setServerConfig("max_connections", "100")
                    .setServerConfig("shared_buffers", "256MB")
                    .setServerConfig("wal_compression", "on")
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setConnectConfig("password", passwords.superuser());
            if (fresh) {
                // initdb's own options (the builder passes "locale" settings to initdb as --name=value): the superuser
                // gets its password at creation and pg_hba.conf never says trust (this --auth overrides the -A trust
                // the library passes first)
                Files.deleteIfExists(pwfile);
                DatabasePasswords.createOwnerOnly(pwfile);
                Files.writeString(pwfile, passwords.superuser() + "\n", StandardCharsets.UTF_8);
                builder.setLocaleConfig("pwfile", pwfile.toString()).setLocaleConfig("auth", "scram-sha-256");
            }
            EmbeddedPostgres pg;
            try {
                pg = builder.start();
            } finally {
                Files.deleteIfExists(pwfile);
            }
            EmbeddedDatabase db = new EmbeddedDatabase(pg, pg.getPort(), passwords);
            try {
                db.secure(pgDir, trusting);
            } catch (SQLException | IOException | RuntimeException e) {
                db.close();
                throw e;
            }
            return db;
        } catch (IOException | SQLException e) {
            throw new IllegalStateException(
                    "Could not start the embedded PostgreSQL under " + pgDir + ": " + e.getMessage(), e);
        }
    }

    /**
     * The database of a server already running on {@code dataDir} (see {@link #runningPort}), for administrative
     * commands; closing it leaves that server running.
     */
    public static EmbeddedDatabase attach(Path dataDir, int port) {
        return new EmbeddedDatabase(null, port, DatabasePasswords.load(dataDir));
    }

    private void secure(Path pgDir, boolean trusting) throws SQLException, IOException {
        try (Connection superuser = connect(DatabasePasswords.SUPERUSER, passwords.superuser())) {
            if (trusting) {
                log.warn(
                        "The embedded PostgreSQL under {} let local connections in without a password (a data directory "
                                + "of an earlier Filet): setting passwords and switching to SCRAM authentication",
                        pgDir);
            }
            EmbeddedRoles.apply(superuser, passwords);
            if (EmbeddedRoles.writeHba(pgDir.resolve("pg_hba.conf"))) {
                try (Statement s = superuser.createStatement()) {
                    s.execute("select pg_reload_conf()");
                }
                awaitPasswordRequired();
            }
        }
    }

    /** pg_reload_conf only signals the server: wait until a connection without a password is refused. */
    private void awaitPasswordRequired() throws SQLException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            try (Connection c = DriverManager.getConnection(jdbcUrl(), DatabasePasswords.SUPERUSER, "")) {
                sleep();
            } catch (SQLException refused) {
                return;
            }
        }
        throw new SQLException(
                "the embedded PostgreSQL still accepts connections without a password after reloading pg_hba.conf");
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Connection connect(String user, String password) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), user, password);
    }

    /**
     * The port of a PostgreSQL server already running on {@code dataDir/pg} (another Filet process), if any.
     * Administrative commands use it instead of starting a second server on the same files.
     */
    public static Optional<Integer> runningPort(Path dataDir) {
        return readPid(dataDir.resolve("pg")).filter(p -> isAlive(p.pid())).map(PidFile::port);
    }

    /** The JDBC URL (no user in it: each role gives its own). */
    public String jdbcUrl() {
        return jdbcUrl(port);
    }

    public static String jdbcUrl(int port) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    public int port() {
        return port;
    }

    DatabasePasswords passwords() {
        return passwords;
    }

    @Override
    public void close() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    private static void stopOrphan(Path pgDir) {
        Optional<PidFile> pid = readPid(pgDir);
        if (pid.isEmpty()) {
            return;
        }
        Optional<ProcessHandle> handle = ProcessHandle.of(pid.get().pid());
        if (handle.isEmpty() || !handle.get().isAlive()) {
            return;
        }
        String command = handle.get().info().command().orElse("");
        if (!command.contains("postgres")) {
            return; // a recycled pid: PostgreSQL itself will discard the stale pid file
        }
        log.warn(
                "A PostgreSQL server (pid {}) from an earlier Filet process is still running on {}; stopping it",
                pid.get().pid(),
                pgDir);
        handle.get().destroy(); // SIGTERM: PostgreSQL's "smart" shutdown... then fast if needed
        try {
            handle.get().onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            handle.get().destroyForcibly();
        }
    }

    private static boolean isAlive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private record PidFile(long pid, int port) {}

    private static Optional<PidFile> readPid(Path pgDir) {
        Path file = pgDir.resolve("postmaster.pid");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.size() < 4) {
                return Optional.empty();
            }
            return Optional.of(new PidFile(
                    Long.parseLong(lines.get(0).trim()),
                    Integer.parseInt(lines.get(3).trim())));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
