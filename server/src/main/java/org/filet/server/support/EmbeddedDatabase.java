package org.filet.server.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL 17 server that runs under {@code <data>/pg} when no external database is configured.
 *
 * <p>Its data directory is kept across restarts. If the previous Filet process died without stopping it (kill -9,
 * power loss of the JVM only), the orphaned server is stopped first and PostgreSQL's own crash recovery takes over:
 * everything that was committed is still there.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Starts (creating on first use) the database under {@code dataDir/pg}. */
    public static EmbeddedDatabase start(Path dataDir) {
        Path pgDir = dataDir.resolve("pg");
        try {
            Files.createDirectories(dataDir);
            stopOrphan(pgDir);
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectory(pgDir)
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "100")
                    .setServerConfig("shared_buffers", "256MB")
                    .setServerConfig("wal_compression", "on")
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .start();
            return new EmbeddedDatabase(pg);
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the embedded PostgreSQL under " + pgDir + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * The port of a PostgreSQL server already running on {@code dataDir/pg} (another Filet process), if any.
     * Administrative commands use it instead of starting a second server on the same files.
     */
    public static Optional<Integer> runningPort(Path dataDir) {
        return readPid(dataDir.resolve("pg")).filter(p -> isAlive(p.pid())).map(PidFile::port);
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    public static String jdbcUrl(int port) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    @Override
    public void close() throws IOException {
        postgres.close();
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
        log.warn("A PostgreSQL server (pid {}) from an earlier Filet process is still running on {}; stopping it",
                pid.get().pid(), pgDir);
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

    private record PidFile(long pid, int port) {
    }

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
            return Optional.of(new PidFile(Long.parseLong(lines.get(0).trim()), Integer.parseInt(lines.get(3).trim())));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

}
