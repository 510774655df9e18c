package org.filet.server.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;
import org.filet.bench.chatexport.ChatImportBench;
import org.filet.bench.grooming.TriageBench;
import org.filet.bench.identifiers.IdentifierBench;
import org.filet.bench.identifiers.NetworkBench;
import org.filet.bench.pdq.PdqBench;
import org.filet.bench.verify.LedgerBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code filet bench [NAME…]}: the benchmarks that matter, one figure per line as {@code name value unit}. The cores'
 * figures come from the {@code benchmarks} module (beside its JMH benchmarks); {@code intake}, {@code queue} and the
 * durable half of {@code ledger} need a running server and database, so they live here.
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description =
                "Runs benchmarks and prints one figure per line: name value unit. Names: intake, ledger, pdq, import, triage, identifiers, linking, queue (default: all).")
public final class BenchCommand implements Callable<Integer> {

    @Parameters(
            arity = "0..*",
            description = "benchmarks to run: intake, ledger, pdq, import, triage, identifiers, linking, queue")
    List<String> names = List.of();

    @Option(names = "--url", description = "intake: drive this running server instead of starting one")
    String url;

    @Option(
            names = "--seconds",
            defaultValue = "20",
            description = "intake: measuring time (default: ${DEFAULT-VALUE})")
    int seconds;

    @Option(
            names = "--clients",
            defaultValue = "16",
            description = "intake: concurrent clients (default: ${DEFAULT-VALUE})")
    int clients;

    @Override
    public Integer call() throws Exception {
        List<String> run = names.isEmpty()
                ? List.of("intake", "ledger", "pdq", "import", "triage", "identifiers", "linking", "queue")
                : names;
        PrintStream out = System.out;
        for (String name : run) {
            switch (name) {
                case "intake" -> new IntakeBench(url, clients, seconds).run(out);
                case "pdq" -> PdqBench.run(out);
                case "import" -> ChatImportBench.run(out);
                case "triage" -> TriageBench.run(out);
                case "identifiers" -> IdentifierBench.run(out);
                case "linking" -> NetworkBench.run(out);
                case "queue" -> QueueBenchRun.run(1_000_000, out);
                case "ledger" -> {
                    new DurableLedgerBench(100_000).run(out);
                    LedgerBench.run(out);
                }
                default -> {
                    System.err.println("filet bench: unknown benchmark '" + name + "'");
                    return 2;
                }
            }
        }
        return 0;
    }
}
