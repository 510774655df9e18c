package org.filet.server.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;
import org.filet.server.evidence.EvidenceBackup;
import org.filet.server.evidence.EvidenceStores;
import org.filet.server.evidence.S3Settings;
import org.filet.server.support.DatabaseDump;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code filet restore --from DIR --data NEW --keys KEYS}: a backup made by {@code filet backup} into a new data
 * directory. Checks first that every object and key the backup needs is there and names each one missing (nothing is
 * written then, unless {@code --allow-missing}); then the database (migrations up to the backup's version, the rows,
 * the sequences, any later migration), the objects (each one read back whole: decrypted and hashed), the head log and
 * the instance id.
 */
@Command(
        name = "restore",
        mixinStandardHelpOptions = true,
        description = {
            "Restores a backup (filet backup) into a new, empty data directory, with the keys given by --keys"
                    + " (the keys directory kept apart from the backup). Every object is read back and checked.",
            "Exit 0 restored and every object readable, 1 something missing or unreadable (each named: MISSING object,"
                    + " MISSING key, UNREADABLE object), 2 could not run."
        })
public final class RestoreCommand implements Callable<Integer> {

    @Option(names = "--from", required = true, description = "the backup directory")
    Path from;

    @Option(names = "--data", required = true, description = "the new data directory (must not exist or be empty)")
    Path data;

    @Option(
            names = "--keys",
            description = "the keys directory kept apart from the backup (its master-key.json and ledger-key.pem)")
    Path keys;

    @Option(
            names = "--allow-missing",
            description = "restore even when objects are missing (each is named; filet ledger check will report them)")
    boolean allowMissing;

    @Override
    public Integer call() throws Exception {
        Contexts.quietLogs();
        Path backup = from.toAbsolutePath().normalize();
        Path target = data.toAbsolutePath().normalize();
        Properties manifest = new Properties();
        Path manifestFile = backup.resolve(BackupCommand.MANIFEST);
        if (!Files.isRegularFile(manifestFile)) {
            System.err.println(
                    "filet restore: " + backup + " is not a Filet backup (no " + BackupCommand.MANIFEST + ")");
            return 2;
        }
        try (Reader in = Files.newBufferedReader(manifestFile, StandardCharsets.UTF_8)) {
            manifest.load(in);
        }
        if (!BackupCommand.FORMAT.equals(manifest.getProperty("format"))) {
            System.err.println("filet restore: unknown backup format " + manifest.getProperty("format"));
            return 2;
        }
        if (Files.exists(target) && (!Files.isDirectory(target) || BackupCommand.hasEntries(target))) {
            System.err.println("filet restore: " + target + " is not empty; restore into a new or empty directory");
            return 2;
        }

        // 1. what the restore needs, before anything is written
        List<String> missing = new ArrayList<>();
        Set<String> absent = Set.copyOf(list(manifest.getProperty("objects.absent", "")));
        Path evidence = backup.resolve("evidence");
        long total = Long.parseLong(manifest.getProperty("objects", "0"));
        long expected = Long.parseLong(manifest.getProperty("objects.copied", "0"));
        try (BufferedReader in = Files.newBufferedReader(backup.resolve("objects.txt"), StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                String sha = line.split(" ")[0];
                if (line.endsWith(" " + EvidenceBackup.CATALOGUED)
                        && !absent.contains(sha)
                        && (!Files.isRegularFile(EvidenceBackup.objectFile(evidence, sha))
                                || !Files.isRegularFile(EvidenceBackup.keyFile(evidence, sha)))) {
                    missing.add("MISSING object " + sha + ": not in the backup at "
                            + EvidenceBackup.objectFile(evidence, sha));
                }
            }
        }
        int missingObjects = missing.size();
        for (String key : list(manifest.getProperty("keys", ""))) {
            boolean inEnv = key.equals("master-key.json") && System.getenv("FILET_MASTER_KEY") != null;
            if (!inEnv && (keys == null || !Files.isRegularFile(keys.resolve(key)))) {
                missing.add("MISSING key " + key + ": "
                        + (keys == null ? "no --keys directory given" : "not in " + keys.toAbsolutePath())
                        + " (the backup's data directory kept it in " + manifest.getProperty("source") + "/keys)");
            }
        }
        missing.forEach(System.out::println);
        boolean keysMissing = missing.size() > missingObjects;
        if (keysMissing || (missingObjects > 0 && !allowMissing)) {
            System.out.println("restore REFUSED: " + missing.size() + " missing; nothing was written"
                    + (keysMissing ? "" : " (--allow-missing restores the rest)"));
            return 1;
        }

        // 2. the keys, the instance id and the head log
        Files.createDirectories(target);
        if (keys != null) {
            Path keyDir = Files.createDirectories(target.resolve("keys"));
            for (String key : list(manifest.getProperty("keys", ""))) {
                Path to = keyDir.resolve(key);
                if (Files.isRegularFile(keys.resolve(key))) {
                    Files.copy(keys.resolve(key), to, StandardCopyOption.COPY_ATTRIBUTES);
                    if (!key.endsWith(".pub.pem")) {
                        Files.setPosixFilePermissions(to, PosixFilePermissions.fromString("rw-------"));
                    }
                }
            }
        }
        if (Files.isRegularFile(backup.resolve("instance-id"))) {
            Files.copy(backup.resolve("instance-id"), target.resolve("instance-id"));
        }
        Path headLog = backup.resolve("ledger").resolve("heads.log");
        if (Files.isRegularFile(headLog)) {
            Files.createDirectories(EvidenceBackup.headLog(target).getParent());
            Files.copy(headLog, EvidenceBackup.headLog(target));
        }

        // 3. the database
        List<String> migrations = list(manifest.getProperty("migrations", ""));
        try (DatabaseDump.Owner owner = DatabaseDump.owner(target)) {
            Connection c = owner.connection();
            if (!DatabaseDump.empty(c)) {
                System.err.println("filet restore: the database " + owner.url()
                        + " already holds tables; restore into an empty one");
                return 2;
            }
            DatabaseDump.migrate(owner, migrations.isEmpty() ? null : migrations.get(migrations.size() - 1));
            List<String> applied = DatabaseDump.migrations(c);
            if (!applied.equals(migrations)) {
                System.err.println("filet restore: the backup's database has the migrations " + migrations.size()
                        + " (up to " + (migrations.isEmpty() ? "none" : migrations.get(migrations.size() - 1))
                        + ") but this Filet made " + applied.size()
                        + " up to that version: restore with the Filet version that made the backup");
                return 2;
            }
            List<String> tables = DatabaseDump.tables(c);
            Set<String> dumped = Set.copyOf(list(manifest.getProperty("tables", "")));
            try (Progress progress = Progress.of("database tables", dumped.size())) {
                for (String table : tables) {
                    if (!dumped.contains(table)) {
                        continue;
                    }
                    DatabaseDump.Table t = new DatabaseDump.Table(
                            table,
                            list(manifest.getProperty("table." + table + ".columns", "")),
                            Long.parseLong(manifest.getProperty("table." + table + ".rows", "0")));
                    DatabaseDump.loadTable(c, t, backup.resolve("db").resolve(table + ".copy"));
                    progress.step();
                }
            }
            Map<String, Long> sequences = new LinkedHashMap<>();
            manifest.stringPropertyNames().stream()
                    .filter(k -> k.startsWith("sequence."))
                    .sorted()
                    .forEach(k ->
                            sequences.put(k.substring("sequence.".length()), Long.parseLong(manifest.getProperty(k))));
            DatabaseDump.setSequences(c, sequences);
            DatabaseDump.migrate(owner, null);
        }

        // 4. the objects, each read back whole
        List<String> unreadable = new ArrayList<>();
        long restored = 0;
        try (EvidenceStores.Opened store = EvidenceStores.open(target, S3Settings.fromProcess());
                BufferedReader in = Files.newBufferedReader(backup.resolve("objects.txt"), StandardCharsets.UTF_8);
                Progress progress = Progress.of("evidence objects", total)) {
            String line;
            while ((line = in.readLine()) != null) {
                String sha = line.split(" ")[0];
                Path file = EvidenceBackup.objectFile(evidence, sha);
                if (Files.isRegularFile(file)) {
                    try {
                        store.store().copyIn(sha, file, EvidenceBackup.keyFile(evidence, sha));
                        store.store().check(sha);
                        restored++;
                    } catch (IOException e) {
                        unreadable.add("UNREADABLE object " + sha + ": " + e.getMessage());
                    }
                }
                progress.step();
            }
        }
        System.out.println("restored " + target);
        System.out.println("objects " + restored + " of " + expected
                + (absent.isEmpty() ? "" : " (" + absent.size() + " absent when the backup was made)"));
        unreadable.forEach(System.out::println);
        if (!missing.isEmpty() || !unreadable.isEmpty()) {
            System.out.println(
                    "restore INCOMPLETE: " + (missing.size() + unreadable.size()) + " object(s) missing or unreadable");
            return 1;
        }
        System.out.println("restore OK: run filet ledger check --data " + target + " to verify the whole ledger");
        return 0;
    }

    private static List<String> list(String csv) {
        return csv == null || csv.isBlank() ? List.of() : Arrays.asList(csv.split(","));
    }
}
