package org.filet.server.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.filet.server.FiletApplication;
import org.filet.server.evidence.CustodyEvent;
import org.filet.server.evidence.CustodyLedger;
import org.filet.server.evidence.Ledger;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The ledger as the server runs it: custody events committed in batches (as intake does) and sequenced into the
 * Merkle log with their leaves and the queue in PostgreSQL, durably, on a fresh embedded database. The figure counts
 * an entry once it is committed and sequenced.
 */
final class DurableLedgerBench {

    private final int events;

    DurableLedgerBench(int events) {
        this.events = events;
    }

    void run(PrintStream out) throws Exception {
        Path data = Files.createTempDirectory("filet-bench-ledger-");
        SpringApplication app = new SpringApplication(FiletApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        try (ConfigurableApplicationContext ctx =
                app.run("--filet.data=" + data, "--logging.level.org.filet=WARN", "--filet.ledger.head-interval=1h")) {
            DataSource ds = ctx.getBean(DataSource.class);
            CustodyLedger custody = ctx.getBean(CustodyLedger.class);
            Ledger ledger = ctx.getBean(Ledger.class);
            String sha = "ab".repeat(32);
            int batch = 500;
            append(ds, custody, sha, 5_000, batch); // warm-up
            while (ledger.sequence() > 0) {
                // drain
            }
            long t0 = System.nanoTime();
            append(ds, custody, sha, events, batch);
            long t1 = System.nanoTime();
            while (ledger.sequence() > 0) {
                // the background sequencer may have taken part of it already
            }
            long t2 = System.nanoTime();
            ledger.signHead();
            out.printf("ledger.appends_per_s %.0f entries/s%n", events / ((t2 - t0) / 1e9));
            out.printf("ledger.commit_per_s %.0f events/s%n", events / ((t1 - t0) / 1e9));
        } finally {
            IntakeBench.deleteTree(data);
        }
    }

    private static void append(DataSource ds, CustodyLedger custody, String sha, int count, int batch)
            throws Exception {
        for (int done = 0; done < count; done += batch) {
            List<CustodyEvent> events = new ArrayList<>(batch);
            for (int i = 0; i < Math.min(batch, count - done); i++) {
                events.add(
                        CustodyEvent.of("stored", "component:bench@1", "report:R-BENCH-" + (done + i), List.of(sha)));
            }
            try (Connection c = ds.getConnection()) {
                c.setAutoCommit(false);
                custody.appendBatch(c, events);
                c.commit();
            }
        }
    }
}
