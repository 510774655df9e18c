package org.filet.server.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.stereotype.Component;

import org.filet.verify.custody.CustodyEntry;
import org.filet.verify.merkle.MerkleLog;
import org.filet.verify.merkle.Rfc9162;
import org.filet.verify.sth.LedgerPublicKey;
import org.filet.verify.sth.SignedTreeHead;
import org.filet.verify.sth.TreeHeadException;

/**
 * Re-verifies the whole custody ledger from the database, trusting nothing but the public key: every leaf is rebuilt
 * from its custody event and compared with the stored entry and leaf hash, the tree is recomputed from scratch, every
 * stored head must carry a valid signature over the recomputed root of its size, and every evidence object must
 * decrypt and hash to its address. Reports the first bad entry of each kind.
 */
@Component
public class LedgerCheck {

    private final DataSource dataSource;
    private final EvidenceStore store;
    private final Ledger ledger;

    LedgerCheck(DataSource dataSource, EvidenceStore store, Ledger ledger) {
        this.dataSource = dataSource;
        this.store = store;
        this.ledger = ledger;
    }

    /** The outcome: what was checked and every problem found (empty when the ledger holds). */
    public record Result(long leaves, int heads, long objects, List<String> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    public Result run(LedgerPublicKey key) throws SQLException, IOException {
        List<String> problems = new ArrayList<>();
        MerkleLog recomputed = MerkleLog.inMemory();
        long leaves = 0;
        int heads = 0;
        long objects = 0;
        try (Connection c = dataSource.getConnection()) {
            c.setReadOnly(true);
            c.setAutoCommit(false);
            // one snapshot for leaves and heads: a head signed while the check runs must not look ahead of the leaves
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try (PreparedStatement ps = c.prepareStatement("select l.leaf_index, l.entry, l.leaf_hash, " + CustodyEntries.COLUMNS
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
                            problems.add("leaf " + index + ": stored leaf hash " + hex(storedHash) + " but the entry hashes to " + hex(hash));
                        }
                        recomputed.appendLeafHash(hash);
                        leaves++;
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("select tree_size, root_hash, sth from ledger_head order by tree_size");
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
                            problems.add("head " + size + ": signs more leaves than the ledger holds (" + recomputed.size() + ")");
                        } else if (!Arrays.equals(recomputed.root(size), sth.rootHash())) {
                            problems.add("head " + size + ": signed root " + hex(sth.rootHash()) + " but the leaves give "
                                    + hex(recomputed.root(size)) + " (a leaf at or below index " + (size - 1) + " was changed)");
                        }
                    } catch (TreeHeadException e) {
                        problems.add("head " + size + ": " + e.getMessage());
                    }
                }
            }
            c.commit();
            java.util.Set<String> shredded = shreddedObjects(c);
            try (PreparedStatement ps = c.prepareStatement("select sha256 from evidence_object order by sha256");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String sha = rs.getString(1).trim();
                    objects++;
                    try (InputStream in = store.open(sha)) {
                        in.transferTo(java.io.OutputStream.nullOutputStream());
                    } catch (EvidenceCorrupted | EvidenceNotFound e) {
                        if (!shredded.contains(sha)) {
                            problems.add("object " + sha + ": " + e.getMessage());
                        }
                    }
                }
            }
        }
        return new Result(leaves, heads, objects, problems);
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
