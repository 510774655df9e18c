package org.filet.server.triage;

import static org.assertj.core.api.Assertions.assertThat;

import org.filet.server.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The queue with 1,000,000 reports in the database ({@link QueueBench}, rolled back afterwards): the query is one
 * range scan of the partial index on open reports, already in queue order — no sort, no SubPlan, no join, no
 * sequential scan. The EXPLAIN (ANALYZE) timings are printed as benchmark figures (goal: under 100 ms); a shared test
 * machine is no place to assert a time.
 */
class QueuePlanIT extends ServerTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void theQueueOfAMillionReportsIsOneIndexRangeScanWithoutSubPlan() {
        long before =
                jdbc.sql("select count(*) from triage_queue").query(Long.class).single();
        QueueBench.Plans plans = QueueBench.run(jdbc, transactions, 1_000_000, System.out);
        System.out.println(plans.open());
        String open = plans.open().toString();
        assertThat(open)
                .contains("\"Index Name\":\"triage_queue_open\"")
                .doesNotContain("SubPlan")
                .doesNotContain("\"Node Type\":\"Sort\"")
                .doesNotContain("Join")
                .doesNotContain("Seq Scan");
        assertThat(plans.open().get(0).get("Plan").get("Actual Rows").asInt()).isEqualTo(200);
        String closed = plans.closed().toString();
        assertThat(closed)
                .contains("\"Index Name\":\"triage_queue_left\"")
                .doesNotContain("SubPlan")
                .doesNotContain("Seq Scan");
        assertThat(jdbc.sql("select count(*) from triage_queue")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);
    }
}
