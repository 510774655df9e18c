package org.filet.server.triage;

import java.io.PrintStream;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The queue at scale, for {@code filet bench queue} and its test: fills the queue read model with a number of reports
 * (generate_series; five organisations, one in five still open, a few in immediate danger or urgent), asks PostgreSQL
 * for {@code EXPLAIN (ANALYZE, BUFFERS)} of the queue query and of the closed list, prints the timings as
 * {@code name value unit} lines, and rolls everything back.
 */
public final class QueueBench {

    /** The two plans measured (PostgreSQL's JSON form). */
    public record Plans(JsonNode open, JsonNode closed) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private QueueBench() {}

    public static Plans run(JdbcClient jdbc, TransactionTemplate transactions, int reports, PrintStream out) {
        UUID[] organisations = {
            UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()
        };
        return transactions.execute(status -> {
            status.setRollbackOnly();
            long start = System.nanoTime();
            jdbc.sql("""
                            insert into triage_queue (report_id, organisation, receipt, received_at, immediate_danger, urgent,
                                rank, known_media, matched_media, state, open, level, risk, language, reasons, messages, files)
                            select gen_random_uuid(), (array[?, ?, ?, ?, ?]::uuid[])[1 + i % 5], 'B-' || i,
                                   now() - make_interval(secs => i * 37), i % 211 = 0, i % 23 = 0, 1 + i % 3,
                                   case when i % 997 = 0 then 1 else 0 end, case when i % 101 = 0 then 1 else 0 end,
                                   case when i % 25 < 4 then 'received' when i % 25 < 5 then 'in_review'
                                        when i % 25 < 10 then 'referred' else 'closed' end,
                                   i % 25 < 5, (array['low', 'medium', 'high'])[1 + i % 3], (i % 100) / 100.0, 'fr',
                                   case when i % 23 = 0 then array['meeting-with-time-or-place'] else '{}' end, i % 40, i % 3
                            from generate_series(1, ?) as i""")
                    .params(
                            organisations[0],
                            organisations[1],
                            organisations[2],
                            organisations[3],
                            organisations[4],
                            reports)
                    .update();
            out.printf("queue.fill %d ms (%d reports)%n", (System.nanoTime() - start) / 1_000_000, reports);
            jdbc.sql("analyze triage_queue").update();
            String org = "'" + organisations[0] + "'";
            JsonNode open = explain(jdbc, Queue.OPEN.replaceFirst("\\?", org).replace("?", "200"));
            JsonNode closed = explain(
                    jdbc,
                    Queue.LEFT
                            .replaceFirst("\\?", org)
                            .replaceFirst("\\?", "'closed'")
                            .replace("?", "200"));
            out.printf(
                    "queue.open_first_200 %.3f ms%n",
                    open.get(0).get("Execution Time").asDouble());
            out.printf(
                    "queue.closed_first_200 %.3f ms%n",
                    closed.get(0).get("Execution Time").asDouble());
            return new Plans(open, closed);
        });
    }

    private static JsonNode explain(JdbcClient jdbc, String sql) {
        return JSON.readTree(jdbc.sql("explain (analyze, buffers, format json) " + sql)
                .query(String.class)
                .single());
    }
}
