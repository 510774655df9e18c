package org.filet.server.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.filet.server.evidence.EvidenceStores;
import org.filet.server.support.EmbeddedDatabase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code filet keys rotate}: the evidence master key. */
@Command(
        name = "keys",
        mixinStandardHelpOptions = true,
        description = "The evidence master key.",
        subcommands = {KeysCommand.Rotate.class})
public final class KeysCommand {

    @Option(
            names = "--data",
            defaultValue = "${env:FILET_DATA:-./filet-data}",
            scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "data directory (default: ${DEFAULT-VALUE})")
    Path data;

    @Command(
            name = "rotate",
            mixinStandardHelpOptions = true,
            description =
                    "Adds a new master key and re-wraps every evidence data key under it (no evidence is re-encrypted). Stop the server first.")
    static final class Rotate implements Callable<Integer> {
        @ParentCommand
        KeysCommand keys;

        @Override
        public Integer call() {
            Path data = keys.data.toAbsolutePath().normalize();
            if (EmbeddedDatabase.runningPort(data).isPresent()) {
                System.err.println("filet keys rotate: a server is running on " + data + "; stop it first");
                return 1;
            }
            if (System.getenv("FILET_MASTER_KEY") != null) {
                System.err.println(
                        "filet keys rotate: the master key comes from FILET_MASTER_KEY; rotate it where it is kept");
                return 1;
            }
            int count = EvidenceStores.rotateMasterKey(data);
            System.out.println("master key rotated; " + count + " data keys re-wrapped");
            return 0;
        }
    }
}
