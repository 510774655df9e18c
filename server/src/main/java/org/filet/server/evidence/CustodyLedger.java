package org.filet.server.evidence;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.filet.server.support.FiletInstance;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The single component that appends to the custody record. Callers append inside their own transaction, so the
 * record and the thing it records commit together or not at all. The record is append-only (the database refuses
 * updates and deletes).
 */
@Component
public class CustodyLedger {

    private static final String INSERT = """
            insert into custody_event (action, actor, subject, inputs, outputs, reason, instance)
            values (?, ?, ?, ?, ?, ?, ?)""";

    private final JdbcClient jdbc;
    private final FiletInstance instance;

    private final org.springframework.transaction.support.TransactionTemplate transactions;

    CustodyLedger(
            JdbcClient jdbc,
            FiletInstance instance,
            org.springframework.transaction.PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.instance = instance;
        this.transactions = new org.springframework.transaction.support.TransactionTemplate(transactionManager);
        this.transactions.setPropagationBehavior(
                org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Appends one event in the caller's transaction. */
    public void append(CustodyEvent event) {
        jdbc.sql(INSERT)
                .params(
                        event.action(),
                        event.actor(),
                        event.subject(),
                        event.inputs().toArray(String[]::new),
                        event.outputs().toArray(String[]::new),
                        event.reason(),
                        instance.id())
                .update();
    }

    /** Appends one event in a transaction of its own, committed when this returns. */
    public void appendCommitted(CustodyEvent event) {
        transactions.executeWithoutResult(status -> append(event));
    }

    /** Appends events as one JDBC batch on the given connection (the group-commit path of intake). */
    public void appendBatch(Connection connection, List<CustodyEvent> events) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(INSERT)) {
            for (CustodyEvent e : events) {
                Array inputs = connection.createArrayOf("text", e.inputs().toArray());
                Array outputs = connection.createArrayOf("text", e.outputs().toArray());
                ps.setString(1, e.action());
                ps.setString(2, e.actor());
                ps.setString(3, e.subject());
                ps.setArray(4, inputs);
                ps.setArray(5, outputs);
                ps.setString(6, e.reason());
                ps.setString(7, instance.id());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Whether an event with this action was recorded for the subject. */
    public boolean recorded(String subject, String action) {
        return jdbc.sql("select exists (select 1 from custody_event where subject = ? and action = ?)")
                .params(subject, action)
                .query(Boolean.class)
                .single();
    }

    /** The custody history of one subject, oldest first. */
    public List<RecordedEvent> history(String subject) {
        return jdbc.sql("""
                        select id, recorded_at, action, actor, subject, inputs, outputs, reason
                        from custody_event where subject = ? order by id""")
                .param(subject)
                .query((rs, n) -> new RecordedEvent(
                        rs.getLong("id"),
                        rs.getTimestamp("recorded_at").toInstant(),
                        new CustodyEvent(
                                rs.getString("action"),
                                rs.getString("actor"),
                                rs.getString("subject"),
                                List.of((String[]) rs.getArray("inputs").getArray()),
                                List.of((String[]) rs.getArray("outputs").getArray()),
                                rs.getString("reason"))))
                .list();
    }

    /** An event as recorded, with its position in the record and the time the database gave it. */
    public record RecordedEvent(long id, Instant recordedAt, CustodyEvent event) {}
}
