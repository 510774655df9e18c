package org.filet.server.retention;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs retention once a day ({@code filet.retention.cron}, default 03:30). With several nodes, only the one holding a
 * PostgreSQL advisory lock runs it; the others skip that day's run.
 */
@Component
class RetentionJob {

    /** The advisory lock key: "filet-retention" in ASCII, truncated to 8 bytes. */
    static final long LOCK = 0x66696c65742d7265L;

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

    private final DataSource dataSource;
    private final Retention retention;

    RetentionJob(DataSource dataSource, Retention retention) {
        this.dataSource = dataSource;
        this.retention = retention;
    }

    @Scheduled(cron = "${filet.retention.cron:0 30 3 * * *}", zone = "${filet.zone:Europe/Paris}")
    void daily() {
        runIfFirst()
                .ifPresent(r -> log.info(
                        "retention: {} report(s) deleted ({} object(s) shredded), {} contact(s) erased, {} held, {} problem(s)",
                        r.deletions().size(),
                        r.objects(),
                        r.contactsErased().size(),
                        r.held().size(),
                        r.problems().size()));
    }

    /** Runs retention unless another node is running it; empty when it did not run. */
    java.util.Optional<Retention.Result> runIfFirst() {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            if (!lock(c, "select pg_try_advisory_lock(?)")) {
                return java.util.Optional.empty();
            }
            try {
                return java.util.Optional.of(retention.run(false, Instant.now()));
            } finally {
                lock(c, "select pg_advisory_unlock(?)");
            }
        } catch (java.sql.SQLException e) {
            log.warn("retention did not run: {}", e.getMessage());
            return java.util.Optional.empty();
        }
    }

    private static boolean lock(Connection c, String sql) throws java.sql.SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, LOCK);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }
}
