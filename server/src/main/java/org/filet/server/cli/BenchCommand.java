package org.filet.server.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code filet bench [NAME…]}: the benchmarks that matter, one figure per line as {@code name value unit}. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Runs benchmarks and prints one figure per line: name value unit. Names: intake, ledger, pdq, import, triage, identifiers, linking, queue (default: all).")
public final class BenchCommand implements Callable<Integer> {

    @Parameters(arity = "0..*", description = "benchmarks to run: intake, ledger, pdq, import, triage, identifiers, linking, queue")
    List<String> names = List.of();

    @Option(names = "--url", description = "intake: drive this running server instead of starting one")
    String url;

    @Option(names = "--seconds", defaultValue = "20", description = "intake: measuring time (default: ${DEFAULT-VALUE})")
    int seconds;

    @Option(names = "--clients", defaultValue = "16", description = "intake: concurrent clients (default: ${DEFAULT-VALUE})")
    int clients;

    @Override
    public Integer call() throws Exception {
        List<String> run = names.isEmpty() ? List.of("intake", "ledger", "pdq", "import", "triage", "identifiers", "linking", "queue") : names;
        PrintStream out = System.out;
        for (String name : run) {
            switch (name) {
                case "intake" -> new IntakeBench(url, clients, seconds).run(out);
                case "pdq" -> org.filet.pdq.PdqBench.run(out);
                case "import" -> org.filet.chatexport.ChatImportBench.run(out);
                case "triage" -> org.filet.grooming.TriageBench.run(out);
                case "identifiers" -> org.filet.identifiers.IdentifierBench.run(out);
                case "linking" -> org.filet.identifiers.network.NetworkBench.run(out);
                case "queue" -> QueueBenchRun.run(1_000_000, out);
                case "ledger" -> {
                    new DurableLedgerBench(100_000).run(out);
                    org.filet.verify.LedgerBench.run(out);
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
