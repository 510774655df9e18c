package org.filet.server.cli;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.filet.pdq.lists.HashKind;
import org.filet.pdq.lists.HashListEntry;
import org.filet.pdq.lists.HashLists;
import org.filet.pdq.lists.MalformedHashListException;
import org.filet.server.media.HashListImport;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code filet hashlist import}: lists of known material. */
@Command(
        name = "hashlist",
        mixinStandardHelpOptions = true,
        description = "Hash lists of known material.",
        subcommands = {HashListCommand.Import.class})
public final class HashListCommand {

    @Option(
            names = "--data",
            defaultValue = "${env:FILET_DATA:-./filet-data}",
            scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "data directory (default: ${DEFAULT-VALUE})")
    Path data;

    @Command(
            name = "import",
            mixinStandardHelpOptions = true,
            description =
                    "Imports a list: pdq-csv (ThreatExchange/HMA), vics (Project VIC JSON), md5, sha1 or sha256 (one per line). "
                            + "A running server sees the new PDQ entries after its next start.")
    static final class Import implements Callable<Integer> {
        @ParentCommand
        HashListCommand parent;

        @Option(names = "--format", required = true, description = "pdq-csv, vics, md5, sha1 or sha256")
        String format;

        @Option(names = "--name", required = true)
        String name;

        @Option(names = "--owner", required = true)
        String owner;

        @Option(names = "--version", required = true, description = "the list's version (name + version is unique)")
        String version;

        @Option(names = "--category", required = true, description = "category of entries that carry none")
        String category;

        @Option(
                names = "--reviewers",
                defaultValue = "0",
                description = "how many reviewers confirmed the entries (0: unreviewed, flagged)")
        int reviewers;

        @Parameters(index = "0", paramLabel = "FILE")
        Path file;

        @Override
        public Integer call() throws Exception {
            List<HashListEntry> entries;
            try (InputStream in = Files.newInputStream(file);
                    Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                entries = switch (format) {
                    case "pdq-csv" -> HashLists.readPdqCsv(reader, category);
                    case "vics" -> HashLists.readVics(in);
                    case "md5" -> HashLists.readPlain(reader, HashKind.MD5, category);
                    case "sha1" -> HashLists.readPlain(reader, HashKind.SHA1, category);
                    case "sha256" -> HashLists.readPlain(reader, HashKind.SHA256, category);
                    default -> throw new IllegalArgumentException("unknown format " + format);
                };
            } catch (MalformedHashListException e) {
                System.err.println("filet hashlist import: " + file + ": " + e.getMessage());
                return 1;
            }
            try (ConfigurableApplicationContext ctx = Contexts.offline(parent.data)) {
                long id = ctx.getBean(HashListImport.class)
                        .importList(
                                new HashListImport.ListInfo(name, owner, version, category, reviewers),
                                entries,
                                "operator:cli");
                System.out.println("imported list " + id + ": " + entries.size() + " entries"
                        + (reviewers == 0 ? " (unreviewed)" : ""));
                return 0;
            }
        }
    }
}
