package org.filet.server.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps the in-memory caches of tables (the picture index, the network index) in step on every node. A writer
 * {@linkplain #announce announces} a change of a topic in its transaction ({@code pg_notify}, delivered at commit);
 * every node listens on one connection and, on a notice or every {@code FILET_NOTICES_POLL} (5 s) at the latest (a
 * notice is lost while a node is disconnected), asks the topic's follower to catch up by sequence. The writer's own node
 * catches up right after the commit, without waiting for the notice. Catching up is idempotent, so a notice too many
 * costs one query.
 */
@Component
public class ChangeNotices implements SmartLifecycle {

    /** A cache that catches up with its table. */
    public interface Follower {
        /** The topic it follows, as announced by writers. */
        String topic();

        /** Reads what it has not seen yet; must be safe to call at any time from any thread. */
        void catchUp();
    }

    static final String CHANNEL = "filet_change";

    private static final Logger log = LoggerFactory.getLogger(ChangeNotices.class);

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final Map<String, Follower> followers = new ConcurrentHashMap<>();
    private final long pollMillis;
    private volatile boolean running;
    private Thread thread;

    ChangeNotices(DataSource dataSource, JdbcClient jdbc, @Value("${filet.notices.poll:5s}") java.time.Duration poll) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.pollMillis = Math.max(100, poll.toMillis());
    }

    /** Registers a follower (the caches do it when they are built). */
    public void follow(Follower follower) {
        followers.put(follower.topic(), follower);
    }

    /**
     * Announces a change of {@code topic}. Inside a transaction the notice leaves at commit and this node catches up
     * after it; outside one, at once.
     */
    public void announce(String topic) {
        jdbc.sql("select 1 from pg_notify(?, ?)")
                .params(CHANNEL, topic)
                .query(Integer.class)
                .single();
        Follower local = followers.get(topic);
        if (local == null) {
            return;
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    local.catchUp();
                }
            });
        } else {
            local.catchUp();
        }
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::listen, "change-notices");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        while (running) {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(true);
                try (Statement s = c.createStatement()) {
                    s.execute("listen " + CHANNEL);
                }
                PGConnection pg = c.unwrap(PGConnection.class);
                catchUpAll(); // whatever was announced while this node was not listening
                while (running) {
                    PGNotification[] notices = pg.getNotifications((int) pollMillis);
                    if (notices == null || notices.length == 0) {
                        catchUpAll();
                        continue;
                    }
                    Set<String> topics = new HashSet<>();
                    for (PGNotification n : notices) {
                        topics.add(n.getParameter());
                    }
                    topics.forEach(this::catchUp);
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                log.warn("change notices: {}; listening again in 2 s", e.getMessage());
                try {
                    Thread.sleep(2000);
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    private void catchUpAll() {
        followers.keySet().forEach(this::catchUp);
    }

    private void catchUp(String topic) {
        Follower f = followers.get(topic);
        if (f == null) {
            return;
        }
        try {
            f.catchUp();
        } catch (RuntimeException e) {
            log.warn("{} could not catch up: {}", topic, e.getMessage());
        }
    }
}
