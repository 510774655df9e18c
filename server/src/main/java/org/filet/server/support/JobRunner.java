package org.filet.server.support;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs queued jobs: one at a time per runner thread, each claimed with {@code FOR UPDATE SKIP LOCKED} so that several
 * nodes share the queue. A failed job is retried later (exponential back-off, at most 8 attempts), then given up: it is
 * marked so and listed for administrators ({@link Jobs#failed}), who may run it again. The error kept is the exception's
 * type and message, which handlers keep free of personal data.
 */
@Component
public class JobRunner implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);
    static final int MAX_ATTEMPTS = 8;

    private final DataSource dataSource;
    private final Map<String, JobHandler> handlers;
    private volatile boolean running;
    private Thread thread;
    private final Object wake = new Object();

    private final boolean enabled;
    private final MeterRegistry meters;

    JobRunner(
            DataSource dataSource,
            List<JobHandler> handlers,
            @Value("${filet.jobs.enabled:true}") boolean enabled,
            ObjectProvider<MeterRegistry> meters) {
        this.enabled = enabled;
        this.meters = meters.getIfAvailable(SimpleMeterRegistry::new);
        this.dataSource = dataSource;
        this.handlers = handlers.stream().collect(Collectors.toMap(JobHandler::kind, Function.identity()));
    }

    @Override
    public void start() {
        running = true;
        if (!enabled) {
            return; // a node that only receives: jobs wait in the table for the nodes that run them
        }
        thread = new Thread(this::loop, "jobs");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Asks the runner to look at the queue now rather than at its next poll. */
    public void nudge() {
        synchronized (wake) {
            wake.notifyAll();
        }
    }

    private void loop() {
        while (running) {
            try {
                if (!runOne()) {
                    synchronized (wake) {
                        wake.wait(250);
                    }
                }
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                log.error("job runner failed; retrying", e);
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    /** Claims and runs one due job; false when none is due. */
    public boolean runOne() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            long id;
            String kind;
            String subject;
            int attempts;
            try (PreparedStatement ps = c.prepareStatement("""
                    select id, kind, subject, attempts from job where done_at is null and run_after <= now()
                    order by id limit 1 for update skip locked""");
                    ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    c.rollback();
                    return false;
                }
                id = rs.getLong(1);
                kind = rs.getString(2);
                subject = rs.getString(3);
                attempts = rs.getInt(4);
            }
            JobHandler handler = handlers.get(kind);
            try {
                if (handler == null) {
                    throw new IllegalStateException("no handler for job kind " + kind);
                }
                handler.run(subject);
                try (PreparedStatement done =
                        c.prepareStatement("update job set done_at = now(), attempts = attempts + 1 where id = ?")) {
                    done.setLong(1, id);
                    done.executeUpdate();
                }
                meters.counter("filet.jobs.done", "kind", kind).increment();
            } catch (Exception e) {
                String error = e.getClass().getSimpleName() + ": " + e.getMessage();
                boolean givenUp = attempts + 1 >= MAX_ATTEMPTS;
                if (givenUp) {
                    log.error("job {} ({}) given up after {} attempts: {}", id, kind, attempts + 1, error);
                } else {
                    log.warn("job {} ({}) failed, attempt {}: {}", id, kind, attempts + 1, error);
                }
                meters.counter(givenUp ? "filet.jobs.given.up" : "filet.jobs.failed", "kind", kind)
                        .increment();
                try (PreparedStatement retry = c.prepareStatement("""
                        update job set attempts = attempts + 1, last_error = ?,
                            run_after = now() + make_interval(secs => ?),
                            done_at = case when ? then now() else null end,
                            gave_up_at = case when ? then now() else null end
                        where id = ?""")) {
                    retry.setString(1, error.length() > 500 ? error.substring(0, 500) : error);
                    retry.setDouble(2, Math.pow(2, attempts + 1));
                    retry.setBoolean(3, givenUp);
                    retry.setBoolean(4, givenUp);
                    retry.setLong(5, id);
                    retry.executeUpdate();
                }
            }
            c.commit();
            return true;
        }
    }
}
