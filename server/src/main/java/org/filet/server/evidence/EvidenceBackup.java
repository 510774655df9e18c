package org.filet.server.evidence;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.filet.verify.Sha256;
import org.filet.verify.sth.SignedNote;

/**
 * The evidence side of a backup: which objects the database names, where a backup keeps them, and the head log cut
 * at what the dumped database holds. Objects are write-once and content-addressed, so a backup copies the database
 * first (one snapshot), then exactly the objects that snapshot names: none is missed by a report filed meanwhile, and
 * none is copied that the restored database would not name.
 */
public final class EvidenceBackup {

    private EvidenceBackup() {}

    /**
     * Writes the address of every object the database may name, one a line, sorted, each followed by a space and
     * {@code catalogued} (in the evidence catalogue: the store must hold it, unless it was shredded) or {@code named}
     * (only named by a custody event: such a name may be a hash of something that was never stored); run inside the
     * dump's snapshot. Returns how many lines.
     */
    public static long namedObjects(Connection c, Writer out) throws SQLException, IOException {
        long count = 0;
        try (PreparedStatement ps = c.prepareStatement("""
                select n, bool_or(catalogued) from (
                    select unnest(inputs || outputs) n, false catalogued from custody_event
                    union all select trim(sha256), true from evidence_object) named
                where n ~ '^[0-9a-f]{64}$' group by n order by 1""")) {
            ps.setFetchSize(10_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.write(rs.getString(1));
                    out.write(rs.getBoolean(2) ? " " + CATALOGUED + "\n" : " " + NAMED + "\n");
                    count++;
                }
            }
        }
        return count;
    }

    public static final String CATALOGUED = "catalogued";
    public static final String NAMED = "named";

    /** How many leaves the ledger holds (in the dump's snapshot). */
    public static long leaves(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from ledger_leaf")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Where a backup keeps an object's ciphertext: {@code <root>/ab/cd/<sha256>} (the key beside it, {@code .key}). */
    public static Path objectFile(Path root, String sha256) {
        Sha256.requireAddress(sha256);
        return root.resolve(sha256.substring(0, 2))
                .resolve(sha256.substring(2, 4))
                .resolve(sha256);
    }

    public static Path keyFile(Path root, String sha256) {
        return objectFile(root, sha256).resolveSibling(sha256 + ".key");
    }

    /** The head log of {@code data}. */
    public static Path headLog(Path data) {
        return HeadLog.primary(data);
    }

    /**
     * Copies the head log's records that sign at most {@code leaves} leaves (those a head signed after the dump would
     * make the restored database look rolled back). Returns how many were copied.
     */
    public static int copyHeadLog(Path from, Path to, long leaves) throws IOException {
        if (!Files.isRegularFile(from)) {
            return 0;
        }
        Files.createDirectories(to.toAbsolutePath().getParent());
        int[] copied = {0};
        try (BufferedWriter out = Files.newBufferedWriter(to, StandardCharsets.UTF_8)) {
            IOException[] failed = {null};
            HeadLog.read(
                    from,
                    note -> {
                        if (failed[0] != null || size(note) > leaves) {
                            return;
                        }
                        try {
                            out.write(note.encode());
                            out.write('\n');
                            copied[0]++;
                        } catch (IOException e) {
                            failed[0] = e;
                        }
                    },
                    damaged -> {});
            if (failed[0] != null) {
                throw failed[0];
            }
        }
        return copied[0];
    }

    private static long size(SignedNote note) {
        String[] lines = note.text().split("\n", 3);
        try {
            return Long.parseLong(lines[1]);
        } catch (RuntimeException e) {
            return Long.MAX_VALUE;
        }
    }
}
