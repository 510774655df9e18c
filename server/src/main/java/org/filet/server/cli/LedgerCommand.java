package org.filet.server.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.filet.seal.LedgerSigningKey;
import org.filet.server.evidence.LedgerCheck;
import org.filet.server.evidence.Witness;
import org.filet.verify.sth.LedgerPublicKey;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code filet ledger …}: the custody ledger, checked and its key shown. */
@Command(
        name = "ledger",
        mixinStandardHelpOptions = true,
        description = "The custody ledger.",
        subcommands = {LedgerCommand.Check.class, LedgerCommand.Key.class, LedgerCommand.WitnessCommand.class})
public final class LedgerCommand {

    @Option(
            names = "--data",
            defaultValue = "${env:FILET_DATA:-./filet-data}",
            scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "data directory (default: ${DEFAULT-VALUE})")
    Path data;

    @Command(
            name = "check",
            mixinStandardHelpOptions = true,
            description = {
                "Re-verifies every ledger entry, every signed head and every evidence object, and compares the"
                        + " database with the heads known outside it (head log, its mirror, witnesses' cosignatures, and"
                        + " --witness-state). Exit 0 when all hold, 1 otherwise (each finding named: TRUNCATED, ROLLED_BACK,"
                        + " FORK, HEAD_LOG_MISSING, ORPHAN_OBJECT…)."
            })
    static final class Check implements Callable<Integer> {
        @ParentCommand
        LedgerCommand ledger;

        @Option(
                names = "--witness-state",
                description = "a witness's state file (from filet ledger witness) to compare with too")
        Path witnessState;

        @Override
        public Integer call() throws Exception {
            try (ConfigurableApplicationContext ctx = Contexts.offline(ledger.data)) {
                LedgerCheck check = ctx.getBean(LedgerCheck.class);
                LedgerCheck.Result result;
                Progress[] shown = {null};
                try {
                    result = check.run(
                            check.publicKey(), java.util.Optional.ofNullable(witnessState), new LedgerCheck.Listener() {
                                public void phase(String what, long total) {
                                    if (shown[0] != null) {
                                        shown[0].close();
                                    }
                                    shown[0] = Progress.of(what, total);
                                }

                                public void advance(long done) {
                                    shown[0].advance(done);
                                }
                            });
                } finally {
                    if (shown[0] != null) {
                        shown[0].close();
                    }
                }
                result.notes().forEach(n -> System.out.println("note " + n));
                System.out.println("leaves " + result.leaves());
                System.out.println("heads " + result.heads());
                System.out.println("objects " + result.objects());
                result.problems().forEach(p -> System.out.println("BAD " + p));
                System.out.println(
                        result.ok()
                                ? "ledger OK"
                                : "ledger INVALID: " + result.problems().size() + " problem(s)");
                return result.ok() ? 0 : 1;
            }
        }
    }

    @Command(
            name = "witness",
            mixinStandardHelpOptions = true,
            description = {
                "Witnesses an instance's custody ledger: fetches its latest checkpoint, checks the signature"
                        + " (key pinned on first contact, or --key) and a consistency proof from the last checkpoint in"
                        + " --state, refuses to go backwards or to accept a fork, cosigns (C2SP tlog-cosignature, Ed25519,"
                        + " key kept beside the state file) and sends the cosignature to the instance.",
                "Exit 0 cosigned, 1 a finding (ROLLED_BACK, FORK, BAD_SIGNATURE, KEY_CHANGED…; state unchanged),"
                        + " 2 unreachable or unreadable."
            })
    static final class WitnessCommand implements Callable<Integer> {
        @Option(
                names = "--url",
                required = true,
                description = "the instance's address, e.g. https://filet.example.org")
        String url;

        @Option(names = "--state", required = true, description = "this witness's state file for that instance")
        Path state;

        @Option(
                names = "--key",
                description = "the instance's ledger public key (PEM) instead of trusting it on first use")
        Path key;

        @Option(
                names = "--name",
                description = "this witness's name, used when its key is made on the first run"
                        + " (default: filet-witness/<host name>)")
        String name;

        @Override
        public Integer call() throws Exception {
            java.util.Optional<LedgerPublicKey> given = java.util.Optional.empty();
            if (key != null) {
                given = java.util.Optional.of(
                        LedgerPublicKey.fromPem(Files.readString(key, StandardCharsets.US_ASCII)));
            }
            String witnessName = name != null ? name : "filet-witness/" + host();
            Witness.Outcome outcome = new Witness(System.out).run(url, state, given, witnessName);
            (outcome.exit() == 0 ? System.out : System.err).println(outcome.message());
            return outcome.exit();
        }

        private static String host() {
            try {
                return java.net.InetAddress.getLocalHost().getHostName().replaceAll("[^A-Za-z0-9.-]", "-");
            } catch (java.io.IOException e) {
                return "localhost";
            }
        }
    }

    @Command(
            name = "key",
            mixinStandardHelpOptions = true,
            description = "Prints the instance's ledger public key (PEM) and its fingerprint.")
    static final class Key implements Callable<Integer> {
        @ParentCommand
        LedgerCommand ledger;

        @Override
        public Integer call() throws Exception {
            Path file = ledger.data.resolve("keys").resolve(LedgerSigningKey.PUBLIC_FILE);
            if (!Files.exists(file)) {
                System.err.println(
                        "filet ledger key: no ledger key at " + file + " (start the server once to create it)");
                return 1;
            }
            LedgerPublicKey key = LedgerPublicKey.fromPem(Files.readString(file, StandardCharsets.UTF_8));
            System.out.print(key.toPem());
            System.out.println("fingerprint " + key.fingerprint());
            return 0;
        }
    }
}
