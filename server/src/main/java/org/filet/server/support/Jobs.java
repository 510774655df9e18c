package org.filet.server.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Enqueues jobs in the caller's transaction, so that a job exists exactly when the change that calls for it
 * committed. {@link JobRunner} runs them, and gives a job up after its last attempt: such a job is listed by
 * {@link #failed} until an administrator runs it again ({@link #retry}).
 */
@Component
public class Jobs {

    private final JdbcClient jdbc;

    Jobs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void enqueue(String kind, String subject) {
        jdbc.sql("insert into job (kind, subject) values (?, ?)")
                .params(kind, subject)
                .update();
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
                .params(kind, limit)
                .query(String.class)
                .list();
    }

    /** Jobs not done yet, of a kind (for tests and the operator). */
    public long pending(String kind) {
        return jdbc.sql("select count(*) from job where kind = ? and done_at is null")
                .param(kind)
                .query(Long.class)
                .single();
    }

    /** A job given up after its last attempt: what, about which subject, why (type and message, no stack), when. */
    public record FailedJob(
            long id,
            String kind,
            String subject,
            int attempts,
            String error,
            Instant createdAt,
            Instant gaveUpAt,
            List<Retry> retries) {}

    /** Someone ran a given-up job again. */
    public record Retry(UUID by, Instant at, int previousAttempts) {}

    /** The jobs given up, latest first (at most {@code limit}). */
    public List<FailedJob> failed(int limit) {
        return jdbc
                .sql("""
                        select id, kind, subject, attempts, last_error, created_at, gave_up_at from job
                        where gave_up_at is not null order by gave_up_at desc, id desc limit ?""")
                .param(limit)
                .query((rs, n) -> new FailedJob(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getInt(4),
                        rs.getString(5),
                        rs.getTimestamp(6).toInstant(),
                        rs.getTimestamp(7).toInstant(),
                        List.of()))
                .list()
                .stream()
                .map(j -> new FailedJob(
                        j.id(),
                        j.kind(),
                        j.subject(),
                        j.attempts(),
                        j.error(),
                        j.createdAt(),
                        j.gaveUpAt(),
                        retries(j.id())))
                .toList();
    }

    /** The given-up jobs about one subject (a report's id, for example). */
    public List<FailedJob> failedFor(String subject) {
        return jdbc.sql("""
                        select id, kind, subject, attempts, last_error, created_at, gave_up_at from job
                        where subject = ? and gave_up_at is not null order by gave_up_at desc, id desc""")
                .param(subject)
                .query((rs, n) -> new FailedJob(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getInt(4),
                        rs.getString(5),
                        rs.getTimestamp(6).toInstant(),
                        rs.getTimestamp(7).toInstant(),
                        List.of()))
                .list();
    }

    /** One given-up job. */
    public Optional<FailedJob> failedJob(long id) {
        return jdbc.sql("""
                        select id, kind, subject, attempts, last_error, created_at, gave_up_at from job
                        where id = ? and gave_up_at is not null""")
                .param(id)
                .query((rs, n) -> new FailedJob(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getInt(4),
                        rs.getString(5),
                        rs.getTimestamp(6).toInstant(),
                        rs.getTimestamp(7).toInstant(),
                        retries(id)))
                .optional();
    }

    private List<Retry> retries(long job) {
        return jdbc.sql("select by_user, at, previous_attempts from job_retry where job_id = ? order by at, id")
                .param(job)
                .query((rs, n) -> new Retry(
                        rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant(), rs.getInt(3)))
                .list();
    }

    /**
     * Runs a given-up job again from its first attempt, and records who asked. False when the job is not (or no
     * longer) given up: a second click, or another administrator, was first.
     */
    @Transactional
    public boolean retry(long id, UUID by) {
        int retried = jdbc.sql("""
                        with previous as (select id, attempts, last_error from job where id = ? and gave_up_at is not null for update)
                        insert into job_retry (job_id, by_user, previous_attempts, previous_error)
                        select id, ?, attempts, last_error from previous""").params(id, by).update();
        if (retried == 0) {
            return false;
        }
        jdbc.sql("update job set attempts = 0, done_at = null, gave_up_at = null, run_after = now() where id = ?")
                .param(id)
                .update();
        return true;
    }
}
