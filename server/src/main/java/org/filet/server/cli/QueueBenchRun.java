package org.filet.server.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.filet.server.FiletApplication;
import org.filet.server.triage.QueueBench;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** {@code filet bench queue}: the analyst queue over a million reports on a fresh embedded database (EXPLAIN ANALYZE). */
final class QueueBenchRun {

    private QueueBenchRun() {}

    static void run(int reports, PrintStream out) throws Exception {
        Path data = Files.createTempDirectory("filet-bench-queue-");
        SpringApplication app = new SpringApplication(FiletApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        try (ConfigurableApplicationContext ctx =
                app.run("--filet.data=" + data, "--logging.level.org.filet=WARN", "--filet.jobs.enabled=false")) {
            QueueBench.run(ctx.getBean(JdbcClient.class), ctx.getBean(TransactionTemplate.class), reports, out);
        } finally {
            IntakeBench.deleteTree(data);
        }
    }
}
