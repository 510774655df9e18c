package org.filet.server.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.filet.server.support.FiletSettings;
import org.filet.verify.custody.CustodyEntry;
import org.filet.verify.merkle.MerkleLog;
import org.filet.verify.merkle.ProofException;
import org.filet.verify.merkle.Rfc9162;
import org.filet.verify.sth.LedgerPublicKey;
import org.filet.verify.sth.SignedNote;
import org.filet.verify.sth.SignedTreeHead;
import org.filet.verify.sth.TreeHeadException;
import org.springframework.stereotype.Component;

/**
 * Re-verifies the whole custody ledger, trusting nothing but the public key.
 *
 * <p>Inside the database: every leaf is rebuilt from its custody event and compared with the stored entry and leaf
 * hash, the tree is recomputed from scratch, every stored head must carry a valid signature over the recomputed root
 * of its size, and every evidence object must decrypt and hash to its address.
 *
 * <p>Against what left the database: every head in the head log (its mirror file, its S3 bucket), every checkpoint a witness
 * cosigned, and the last checkpoint in a witness's state file must be a prefix of the recomputed tree (checked with a
 * consistency proof from it to the database's whole tree). A database that holds fewer leaves than a head signed
 * outside it was truncated or rolled back; one whose leaves give another root at a signed size was forked.
 *
 * <p>Every object in the evidence store must be named by a custody event. Reports the first bad entry of each kind;
 * named findings start with a word in capitals ({@code TRUNCATED}, {@code ROLLED_BACK}, {@code FORK},
 * {@code HEAD_LOG_MISSING}, {@code FORGED_HEAD}, {@code KEY_MISMATCH}, {@code ORPHAN_OBJECT}).
 */
@Component
public class LedgerCheck {

    /** Objects put in the store this recently may still be waiting for their intake to commit. */
    static final Duration ORPHAN_GRACE = Duration.ofMinutes(2);

    private final DataSource dataSource;
    private final EvidenceStore store;
    private final Ledger ledger;
    private final FiletSettings filet;
    private final LedgerSettings settings;
    private final S3HeadMirror s3Mirror;

    LedgerCheck(
            DataSource dataSource,
            EvidenceStore store,
            Ledger ledger,
            FiletSettings filet,
            LedgerSettings settings,
            S3HeadMirror s3Mirror) {
        this.s3Mirror = s3Mirror;
        this.dataSource = dataSource;
        this.store = store;
        this.ledger = ledger;
        this.filet = filet;
        this.settings = settings;
    }

    /** The outcome: what was checked, every problem found (empty when the ledger holds) and notes on what was compared. */
    public record Result(long leaves, int heads, long objects, List<String> problems, List<String> notes) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    public Result run(LedgerPublicKey key) throws SQLException, IOException {
        return run(key, Optional.empty());
    }

    /** Checks the ledger; {@code witnessState} is a witness's state file to compare with as well. */
    public Result run(LedgerPublicKey key, Optional<Path> witnessState) throws SQLException, IOException {
        return run(key, witnessState, Listener.NONE);
    }

    /** Hears how far a check is: each phase (leaves, objects) with its total, then what was done. */
    public interface Listener {
        Listener NONE = new Listener() {
            public void phase(String what, long total) {}

            public void advance(long done) {}
        };

        void phase(String what, long total);

        void advance(long done);
    }

    /** {@link #run(LedgerPublicKey, Optional)}, telling {@code listener} how far it is. */
    public Result run(LedgerPublicKey key, Optional<Path> witnessState, Listener listener)
            throws SQLException, IOException {
        List<String> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        MerkleLog recomputed = MerkleLog.inMemory();
        long leaves = 0;
        int heads = 0;
        long objects = 0;
        List<Cosignatures.Stored> cosigned = new ArrayList<>();
        Set<String> named = new HashSet<>();
        try (Connection c = dataSource.getConnection()) {
            c.setReadOnly(true);
            c.setAutoCommit(false);
            // one snapshot for leaves and heads: a head signed while the check runs must not look ahead of the leaves
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            listener.phase("ledger leaves", count(c, "select count(*) from ledger_leaf"));
            try (PreparedStatement ps = c.prepareStatement(
                    "select l.leaf_index, l.entry, l.leaf_hash, " + CustodyEntries.COLUMNS
                            + " from ledger_leaf l left join custody_event e on e.id = l.event_id order by l.leaf_index")) {
                ps.setFetchSize(10_000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long index = rs.getLong("leaf_index");
                        byte[] stored = rs.getBytes("entry");
                        byte[] storedHash = rs.getBytes("leaf_hash");
                        if (index != leaves) {
                            problems.add("leaf " + leaves + ": missing (next stored leaf is " + index + ")");
                            break;
                        }
                        if (rs.getObject("id") == null) {
                            problems.add("leaf " + index + ": its custody event is gone");
                        } else {
                            byte[] rebuilt;
                            try {
                                rebuilt = CustodyEntries.fromRow(rs).encode();
                            } catch (IllegalArgumentException e) {
                                rebuilt = new byte[0];
                            }
                            if (!Arrays.equals(rebuilt, stored)) {
                                problems.add("leaf " + index + ": the custody event (id " + rs.getLong("id")
                                        + ") no longer matches the entry in the ledger");
                            }
                        }
                        try {
                            CustodyEntry.decode(stored);
                        } catch (Exception e) {
                            problems.add("leaf " + index + ": the stored entry is not a canonical custody entry");
                        }
                        byte[] hash = Rfc9162.leafHash(stored);
                        if (!Arrays.equals(hash, storedHash)) {
                            problems.add("leaf " + index + ": stored leaf hash " + hex(storedHash)
                                    + " but the entry hashes to " + hex(hash));
                        }
                        recomputed.appendLeafHash(hash);
                        leaves++;
                        if (leaves % 1000 == 0) {
                            listener.advance(1000);
                        }
                    }
                }
            }
            try (PreparedStatement ps =
                            c.prepareStatement("select tree_size, root_hash, sth from ledger_head order by tree_size");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    heads++;
                    long size = rs.getLong(1);
                    try {
                        SignedTreeHead sth = SignedTreeHead.decode(rs.getBytes(3));
                        sth.verify(key);
                        if (sth.treeSize() != size || !Arrays.equals(sth.rootHash(), rs.getBytes(2))) {
                            problems.add("head " + size + ": its columns do not match its signed bytes");
                        }
                        if (size > recomputed.size()) {
                            problems.add("head " + size + ": signs more leaves than the ledger holds ("
                                    + recomputed.size() + ")");
                        } else if (!Arrays.equals(recomputed.root(size), sth.rootHash())) {
                            problems.add("head " + size + ": signed root " + hex(sth.rootHash())
                                    + " but the leaves give " + hex(recomputed.root(size))
                                    + " (a leaf at or below index " + (size - 1) + " was changed)");
                        }
                    } catch (TreeHeadException e) {
                        problems.add("head " + size + ": " + e.getMessage());
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                            "select tree_size, witness_key, cosigned_at, checkpoint from ledger_cosignature order by id");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    cosigned.add(new Cosignatures.Stored(
                            rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(), "", rs.getString(4)));
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "select distinct n from custody_event, unnest(inputs || outputs) n where n ~ '^[0-9a-f]{64}$'")) {
                ps.setFetchSize(10_000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        named.add(rs.getString(1));
                    }
                }
            }
            c.commit();

            Outside outside = new Outside(key, recomputed, problems);
            checkHeadLog(HeadLog.primary(filet.data()), "head log", heads, outside, notes);
            if (settings.mirror().isPresent()) {
                checkHeadLog(settings.mirror().get(), "head log mirror", heads, outside, notes);
            }
            if (s3Mirror.enabled()) {
                checkS3Mirror(heads, outside, notes);
            }
            for (Cosignatures.Stored s : cosigned) {
                outside.compare(
                        s.checkpoint(), "cosignature by " + s.witnessKey().split("\\+")[0]);
            }
            if (!cosigned.isEmpty()) {
                notes.add("compared with " + cosigned.size() + " stored cosignature(s)");
            }
            if (witnessState.isPresent()) {
                checkWitnessState(witnessState.get(), key, outside, notes);
            }
            outside.report();

            Set<String> seen = new TreeSet<>();
            java.util.Set<String> shredded = shreddedObjects(c);
            listener.advance(leaves % 1000);
            listener.phase("evidence objects", count(c, "select count(*) from evidence_object"));
            try (PreparedStatement ps = c.prepareStatement("select sha256 from evidence_object order by sha256");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String sha = rs.getString(1).trim();
                    objects++;
                    listener.advance(1);
                    seen.add(sha);
                    if (!named.contains(sha)) {
                        problems.add("ORPHAN_OBJECT " + sha + ": listed in the store but no custody event names it");
                    }
                    try (InputStream in = store.open(sha)) {
                        in.transferTo(java.io.OutputStream.nullOutputStream());
                    } catch (EvidenceCorrupted | EvidenceNotFound e) {
                        if (!shredded.contains(sha)) {
                            problems.add("object " + sha + ": " + e.getMessage());
                        }
                    }
                }
            }
            Instant recent = Instant.now().minus(ORPHAN_GRACE);
            store.list(o -> {
                if (!seen.contains(o.sha256())
                        && !named.contains(o.sha256())
                        && o.storedAt().isBefore(recent)) {
                    problems.add(
                            "ORPHAN_OBJECT " + o.sha256() + ": in the evidence store but no custody event names it");
                }
            });
        }
        return new Result(leaves, heads, objects, problems, notes);
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void checkHeadLog(Path file, String what, int dbHeads, Outside outside, List<String> notes)
            throws IOException {
        if (!Files.isRegularFile(file)) {
            if (dbHeads > 0) {
                outside.problems.add("HEAD_LOG_MISSING: the ledger has " + dbHeads + " signed head(s) but there is no "
                        + what + " at " + file);
            }
            return;
        }
        int[] count = {0};
        HeadLog.read(
                file,
                note -> {
                    count[0]++;
                    outside.compare(note, what);
                },
                damaged -> notes.add(what + " " + file + ": skipped " + damaged));
        notes.add("compared with " + count[0] + " record(s) of the " + what + " " + file);
    }

    private void checkS3Mirror(int dbHeads, Outside outside, List<String> notes) {
        String what = "S3 head mirror";
        int[] count = {0};
        try {
            s3Mirror.readAll(note -> {
                count[0]++;
                outside.compare(note, what);
            });
        } catch (IOException e) {
            outside.problems.add("HEAD_LOG_UNREADABLE: " + e.getMessage());
            return;
        }
        if (count[0] == 0 && dbHeads > 0) {
            outside.problems.add("HEAD_LOG_MISSING: the ledger has " + dbHeads + " signed head(s) but the " + what + " "
                    + s3Mirror.where() + " holds none");
        }
        notes.add("compared with " + count[0] + " record(s) of the " + what + " " + s3Mirror.where());
    }

    private void checkWitnessState(Path file, LedgerPublicKey key, Outside outside, List<String> notes)
            throws IOException {
        Witness.State state;
        try {
            state = Witness.State.read(file);
        } catch (IOException | IllegalArgumentException e) {
            outside.problems.add("WITNESS_STATE_UNREADABLE: " + file + ": " + e.getMessage());
            return;
        }
        if (!state.logKey().equals(key)) {
            outside.problems.add("KEY_MISMATCH: the witness state " + file + " pins ledger key "
                    + state.logKey().fingerprint() + ", this instance's key is " + key.fingerprint());
            return;
        }
        if (state.checkpoint().isPresent()) {
            outside.compare(state.checkpoint().get(), "witness state " + file);
            notes.add("compared with the witness state " + file);
        }
    }

    /** Compares heads known outside the database with the recomputed tree; keeps the first finding of each source. */
    private final class Outside {
        final LedgerPublicKey key;
        final MerkleLog tree;
        final List<String> problems;
        final java.util.Map<String, SignedTreeHead> newest = new java.util.LinkedHashMap<>();
        final Set<String> forked = new HashSet<>();

        Outside(LedgerPublicKey key, MerkleLog tree, List<String> problems) {
            this.key = key;
            this.tree = tree;
            this.problems = problems;
        }

        void compare(SignedNote note, String source) {
            SignedTreeHead sth;
            try {
                sth = SignedTreeHead.fromCheckpoint(note, ledger.origin());
                sth.verify(key);
            } catch (TreeHeadException e) {
                if (forked.add("forged " + source)) {
                    problems.add("FORGED_HEAD: a checkpoint in the " + source
                            + " is not signed by this instance's key: " + e.getMessage());
                }
                return;
            }
            SignedTreeHead known = newest.get(source);
            if (known == null || sth.treeSize() > known.treeSize()) {
                newest.put(source, sth);
            }
            long size = sth.treeSize();
            if (size > tree.size() || forked.contains(source)) {
                return; // reported once, from the newest head of the source
            }
            String fork = consistency(size, sth.rootHash());
            if (fork != null) {
                forked.add(source);
                problems.add("FORK: the " + source + " has signed " + size + " leaves with root " + hex(sth.rootHash())
                        + ", " + fork);
            }
        }

        void compare(String note, String source) {
            try {
                compare(SignedNote.parse(note), source);
            } catch (TreeHeadException e) {
                problems.add("FORGED_HEAD: a checkpoint in the " + source + " does not parse: " + e.getMessage());
            }
        }

        /** Null when the recomputed tree extends the head of {@code size} leaves and {@code root}, else why not. */
        private String consistency(long size, byte[] root) {
            if (size == 0) {
                return Arrays.equals(root, Rfc9162.emptyRoot()) ? null : "but an empty tree has another root";
            }
            try {
                tree.consistencyProof(size, tree.size()).verify(root, tree.root());
                return null;
            } catch (ProofException e) {
                return "but the database's leaves give " + hex(tree.root(size)) + " at that size (no consistency proof"
                        + " from it to the database's " + tree.size() + " leaves)";
            }
        }

        void report() {
            newest.forEach((source, sth) -> {
                if (sth.treeSize() > tree.size()) {
                    String kind = tree.size() == 0 ? "TRUNCATED" : "ROLLED_BACK";
                    problems.add(kind + ": database holds " + tree.size() + " leaves, " + source + " has signed "
                            + sth.treeSize() + " (signed at " + sth.timestamp() + ")");
                }
            });
        }
    }

    /**
     * Objects crypto-shredded under retention: named as inputs of a {@code deleted-by-retention} custody event, which is
     * itself in the verified ledger. Such an object may be unreadable or gone without being corrupted; one that is still
     * (or again) in the store is checked like any other.
     */
    private static java.util.Set<String> shreddedObjects(Connection c) throws SQLException {
        java.util.Set<String> shredded = new java.util.HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("select unnest(inputs) from custody_event where action = ?")) {
            ps.setString(1, CustodyEvent.Actions.DELETED_BY_RETENTION);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    shredded.add(rs.getString(1).trim());
                }
            }
        }
        return shredded;
    }

    public LedgerPublicKey publicKey() {
        return ledger.publicKey();
    }

    private static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
