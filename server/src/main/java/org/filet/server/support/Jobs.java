package org.filet.server.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Enqueues jobs in the caller's transaction, so that a job exists exactly when the change that calls for it
 * committed. {@link JobRunner} runs them.
 */
@Component
public class Jobs {

    private final JdbcClient jdbc;

    Jobs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void enqueue(String kind, String subject) {
        jdbc.sql("insert into job (kind, subject) values (?, ?)").params(kind, subject).update();
    }

    public void enqueueBatch(Connection c, String kind, List<String> subjects) throws SQLException {
        if (subjects.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("insert into job (kind, subject) values (?, ?)")) {
            for (String subject : subjects) {
                ps.setString(1, kind);
                ps.setString(2, subject);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** The subjects of jobs of a kind that are not done yet, at most {@code limit} of them, each once. */
    public List<String> waitingSubjects(String kind, int limit) {
        return jdbc.sql("select distinct subject from job where done_at is null and kind = ? limit ?")
                .params(kind, limit).query(String.class).list();
    }

    /** Jobs not done yet, of a kind (for tests and the operator). */
    public long pending(String kind) {
        return jdbc.sql("select count(*) from job where kind = ? and done_at is null").param(kind).query(Long.class).single();
    }
}
