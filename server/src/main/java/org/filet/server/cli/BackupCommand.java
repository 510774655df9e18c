package org.filet.server.cli;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.filet.server.evidence.EvidenceBackup;
import org.filet.server.evidence.EvidenceNotFound;
import org.filet.server.evidence.EvidenceStores;
import org.filet.server.evidence.S3Settings;
import org.filet.server.support.DatabaseDump;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code filet backup --data D --to DIR}: the database (one consistent snapshot, as the owner role), then the evidence
 * objects it names (as stored: ciphertext and wrapped data key), the head log up to what the snapshot holds and the
 * instance id. The keys are not in it: the command says where they are.
 */
@Command(
        name = "backup",
        mixinStandardHelpOptions = true,
        description = {
            "Backs up a data directory into an empty directory: a consistent dump of the database, then the"
                    + " evidence objects it names (still encrypted), the head log and the instance id. The keys (master key,"
                    + " ledger signing key) are NOT in the backup: keep a copy of the keys directory apart from it.",
            "Works while the server runs. Exit 0 done (an object the database names but the store no longer holds, such as one shredded under retention, is listed as ABSENT), 2 could not run."
        })
public final class BackupCommand implements Callable<Integer> {

    static final String MANIFEST = "backup.properties";
    static final String FORMAT = "filet-backup/1";

    @Option(
            names = "--data",
            defaultValue = "${env:FILET_DATA:-./filet-data}",
            description = "data directory (default: ${DEFAULT-VALUE})")
    Path data;

    @Option(names = "--to", required = true, description = "an empty (or new) directory for the backup")
    Path to;

    @Override
    public Integer call() throws Exception {
        Contexts.quietLogs();
        Path source = data.toAbsolutePath().normalize();
        Path target = to.toAbsolutePath().normalize();
        if (!Files.isDirectory(source)) {
            System.err.println("filet backup: no data directory at " + source);
            return 2;
        }
        if (Files.exists(target) && (!Files.isDirectory(target) || hasEntries(target))) {
            System.err.println("filet backup: " + target + " is not empty; give a new or empty directory");
            return 2;
        }
        Path db = Files.createDirectories(target.resolve("db"));
        Properties manifest = new Properties();
        manifest.setProperty("format", FORMAT);
        manifest.setProperty("made_at", Instant.now().toString());
        manifest.setProperty("source", source.toString());
        List<String> objects = new ArrayList<>();
        long leaves;
        // 1. the database, in one snapshot
        try (DatabaseDump.Owner owner = DatabaseDump.owner(source)) {
            Connection c = owner.connection();
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            List<String> tables = DatabaseDump.tables(c);
            manifest.setProperty("migrations", String.join(",", DatabaseDump.migrations(c)));
            manifest.setProperty("tables", String.join(",", tables));
            try (Progress progress = Progress.of("database tables", tables.size())) {
                for (String table : tables) {
                    DatabaseDump.Table dumped = DatabaseDump.dumpTable(c, table, db.resolve(table + ".copy"));
                    manifest.setProperty("table." + table + ".columns", String.join(",", dumped.columns()));
                    manifest.setProperty("table." + table + ".rows", String.valueOf(dumped.rows()));
                    progress.step();
                }
            }
            for (Map.Entry<String, Long> s : DatabaseDump.sequences(c).entrySet()) {
                manifest.setProperty("sequence." + s.getKey(), String.valueOf(s.getValue()));
            }
            leaves = EvidenceBackup.leaves(c);
            try (Writer out = Files.newBufferedWriter(target.resolve("objects.txt"), StandardCharsets.UTF_8)) {
                manifest.setProperty("objects", String.valueOf(EvidenceBackup.namedObjects(c, out)));
            }
            c.commit();
        }
        manifest.setProperty("ledger.leaves", String.valueOf(leaves));
        // 2. the objects that snapshot names, as stored (never decrypted)
        Path evidence = Files.createDirectories(target.resolve("evidence"));
        List<String> absent = new ArrayList<>();
        long total = Long.parseLong(manifest.getProperty("objects"));
        long bytes = 0;
        long copied = 0;
        try (EvidenceStores.Opened store = EvidenceStores.open(source, S3Settings.fromProcess());
                BufferedReader in = Files.newBufferedReader(target.resolve("objects.txt"), StandardCharsets.UTF_8);
                Progress progress = Progress.of("evidence objects", total)) {
            String line;
            while ((line = in.readLine()) != null) {
                String sha = line.split(" ")[0];
                boolean catalogued = line.endsWith(" " + EvidenceBackup.CATALOGUED);
                Path file = EvidenceBackup.objectFile(evidence, sha);
                Files.createDirectories(file.getParent());
                try {
                    store.store().copyOut(sha, file, EvidenceBackup.keyFile(evidence, sha));
                    bytes += Files.size(file);
                    copied++;
                } catch (EvidenceNotFound e) {
                    if (catalogued) {
                        absent.add(sha); // a name only a custody event gives may be a hash of something never stored
                    }
                    Files.deleteIfExists(file);
                    Files.deleteIfExists(EvidenceBackup.keyFile(evidence, sha));
                }
                progress.step();
            }
        }
        manifest.setProperty("objects.absent", String.join(",", absent));
        manifest.setProperty("objects.copied", String.valueOf(copied));
        // 3. the head log up to the snapshot, and the instance id
        int heads = EvidenceBackup.copyHeadLog(
                EvidenceBackup.headLog(source), target.resolve("ledger").resolve("heads.log"), leaves);
        manifest.setProperty("ledger.head_log_records", String.valueOf(heads));
        Path instance = source.resolve("instance-id");
        if (Files.isRegularFile(instance)) {
            Files.copy(instance, target.resolve("instance-id"));
        }
        // 4. the keys: named, never copied
        Path keys = source.resolve("keys");
        List<String> keyFiles = new ArrayList<>();
        if (Files.isDirectory(keys)) {
            try (Stream<Path> files = Files.list(keys)) {
                files.filter(Files::isRegularFile)
                        .map(p -> p.getFileName().toString())
                        .sorted()
                        .forEach(keyFiles::add);
            }
        }
        manifest.setProperty("keys", String.join(",", keyFiles));
        try (BufferedWriter out = Files.newBufferedWriter(target.resolve(MANIFEST), StandardCharsets.UTF_8)) {
            manifest.store(out, "Filet backup: restore with filet restore --from DIR --data NEW --keys KEYS");
        }

        System.out.println("backup " + target);
        System.out.println("tables " + manifest.getProperty("tables").split(",").length);
        System.out.println("ledger leaves " + leaves);
        System.out.println("objects " + copied + " (" + bytes + " bytes, still encrypted)");
        System.out.println("head log records " + heads);
        for (String sha : absent) {
            System.out.println("ABSENT object " + sha + ": named by the database but not in the evidence store "
                    + "(shredded under retention, or lost: filet ledger check tells which)");
        }
        System.out.println("KEYS NOT IN THE BACKUP: " + keys + " ("
                + (keyFiles.isEmpty() ? "no file" : String.join(", ", keyFiles))
                + (System.getenv("FILET_MASTER_KEY") != null ? "; the master key is in FILET_MASTER_KEY" : "") + ").");
        System.out.println(
                "Keep a copy of that directory apart from the backup (another medium, another place): whoever"
                        + " holds both can read the evidence, and without the keys the backup cannot be read at all."
                        + " filet restore takes it with --keys.");
        return 0;
    }

    static boolean hasEntries(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isPresent();
        }
    }
}
