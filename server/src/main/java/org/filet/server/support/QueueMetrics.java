package org.filet.server.support;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The shared job queue as an operator watches it (the same on every node, read every 15 s rather than at each
 * scrape): jobs waiting by kind ({@code filet.jobs.waiting}) and jobs given up after their last attempt
 * ({@code filet.jobs.failed.stored}).
 */
@Component
class QueueMetrics {

    private final JdbcClient jdbc;
    private final MultiGauge waiting;
    private final AtomicLong givenUp = new AtomicLong();

    QueueMetrics(JdbcClient jdbc, ObjectProvider<MeterRegistry> meters) {
        this.jdbc = jdbc;
        MeterRegistry registry = meters.getIfAvailable();
        this.waiting = registry == null
                ? null
                : MultiGauge.builder("filet.jobs.waiting")
                        .description("jobs not done yet, by kind")
                        .register(registry);
        if (registry != null) {
            registry.gauge("filet.jobs.failed.stored", givenUp);
        }
    }

    @Scheduled(fixedDelay = 15_000, initialDelay = 1_000)
    void refresh() {
        if (waiting == null) {
            return;
        }
        List<MultiGauge.Row<?>> rows = jdbc
                .sql("select kind, count(*) from job where done_at is null group by kind")
                .query((rs, n) -> MultiGauge.Row.of(Tags.of("kind", rs.getString(1)), rs.getLong(2)))
                .list()
                .stream()
                .<MultiGauge.Row<?>>map(r -> r)
                .toList();
        waiting.register(rows, true);
        givenUp.set(jdbc.sql("select count(*) from job where gave_up_at is not null")
                .query(Long.class)
                .single());
    }
}
