package org.filet.server.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import org.filet.server.evidence.LedgerCheck;
import org.filet.verify.sth.LedgerPublicKey;
import org.filet.verify.sth.LedgerSigningKey;

/** {@code filet ledger …}: the custody ledger, checked and its key shown. */
@Command(name = "ledger", mixinStandardHelpOptions = true, description = "The custody ledger.",
        subcommands = {LedgerCommand.Check.class, LedgerCommand.Key.class})
public final class LedgerCommand {

    @Option(names = "--data", defaultValue = "${env:FILET_DATA:-./filet-data}", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "data directory (default: ${DEFAULT-VALUE})")
    Path data;

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Re-verifies every ledger entry, every signed head and every evidence object. Exit 0 when all hold, 1 otherwise.")
    static final class Check implements Callable<Integer> {
        @ParentCommand
        LedgerCommand ledger;

        @Override
        public Integer call() throws Exception {
            try (ConfigurableApplicationContext ctx = Contexts.offline(ledger.data)) {
                LedgerCheck check = ctx.getBean(LedgerCheck.class);
                LedgerCheck.Result result = check.run(check.publicKey());
                System.out.println("leaves " + result.leaves());
                System.out.println("heads " + result.heads());
                System.out.println("objects " + result.objects());
                result.problems().forEach(p -> System.out.println("BAD " + p));
                System.out.println(result.ok() ? "ledger OK" : "ledger INVALID: " + result.problems().size() + " problem(s)");
                return result.ok() ? 0 : 1;
            }
        }
    }

    @Command(name = "key", mixinStandardHelpOptions = true, description = "Prints the instance's ledger public key (PEM) and its fingerprint.")
    static final class Key implements Callable<Integer> {
        @ParentCommand
        LedgerCommand ledger;

        @Override
        public Integer call() throws Exception {
            Path file = ledger.data.resolve("keys").resolve(LedgerSigningKey.PUBLIC_FILE);
            if (!Files.exists(file)) {
                System.err.println("filet ledger key: no ledger key at " + file + " (start the server once to create it)");
                return 1;
            }
            LedgerPublicKey key = LedgerPublicKey.fromPem(Files.readString(file, StandardCharsets.UTF_8));
            System.out.print(key.toPem());
            System.out.println("fingerprint " + key.fingerprint());
            return 0;
        }
    }
}
