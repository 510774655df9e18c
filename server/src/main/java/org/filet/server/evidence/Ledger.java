package org.filet.server.evidence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.filet.seal.LedgerSigningKey;
import org.filet.server.support.FiletInstance;
import org.filet.server.support.FiletSettings;
import org.filet.verify.custody.CustodyEntry;
import org.filet.verify.merkle.ConsistencyProof;
import org.filet.verify.merkle.InclusionProof;
import org.filet.verify.merkle.MerkleLog;
import org.filet.verify.pkg.CustodyRecord;
import org.filet.verify.sth.LedgerPublicKey;
import org.filet.verify.sth.SignedNote;
import org.filet.verify.sth.SignedTreeHead;
import org.filet.verify.sth.TreeHeadException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The custody ledger: an RFC 9162 Merkle log of every custody event, with signed tree heads.
 *
 * <p>Custody events commit with what they record ({@link CustodyLedger}); this component, the log's single writer,
 * then sequences them in batches: each event's canonical entry becomes the next leaf, in one transaction that also
 * empties the queue. A PostgreSQL advisory lock keeps a single sequencer even with several server nodes. The tree's
 * stored subtree hashes are kept in a file-backed cache under {@code <data>/ledger-cache}, rebuilt from the database
 * whenever it disagrees with it. A new tree head is signed (and stamped by the configured TSA) every
 * {@code filet.ledger.head-interval} when the log has grown, and on demand.
 */
@Component
public class Ledger implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Ledger.class);
    private static final long ADVISORY_LOCK = 0x46494c45544c4547L; // "FILETLEG"
    private static final int BATCH = 5000;

    private final DataSource dataSource;
    private final LedgerSettings settings;
    private final FiletSettings filet;
    private final String origin;
    private final TimestampAuthority tsa;
    private LedgerSigningKey key;
    private MerkleLog merkle;
    private HeadLog headLog;
    private final S3HeadMirror s3Mirror;
    /** The newest head this node wrote to the head log: no later head may contradict it. */
    private SignedTreeHead lastPublished;

    private String refusal;
    private Thread worker;
    private volatile boolean running;
    private volatile Instant lastHeadAt = Instant.EPOCH;

    Ledger(
            DataSource dataSource,
            LedgerSettings settings,
            FiletSettings filet,
            FiletInstance instance,
            TimestampAuthority tsa,
            S3HeadMirror s3Mirror) {
        this.s3Mirror = s3Mirror;
        this.dataSource = dataSource;
        this.settings = settings;
        this.filet = filet;
        this.origin = "filet:" + instance.id();
        this.tsa = tsa;
    }

    /** A signed head as stored, with its RFC 3161 reply when there is one. */
    public record Head(SignedTreeHead sth, byte[] timestampReply) {
        public long treeSize() {
            return sth.treeSize();
        }
    }

    /** A ledger entry with its place in the log. */
    public record Leaf(long index, CustodyEntry entry) {}

    // ---- lifecycle ------------------------------------------------------------------------------------------

    @Override
    public synchronized void start() {
        try {
            Path keyDir = settings.keyDir().isBlank() ? filet.data().resolve("keys") : Path.of(settings.keyDir());
            key = LedgerKeys.loadOrGenerate(keyDir, origin, latestHead().isPresent());
            merkle = openCache(filet.data().resolve("ledger-cache"));
            headLog = new HeadLog(HeadLog.primary(filet.data()), settings.mirror(), s3Mirror);
            lastPublished = newestLogged();
            if (lastPublished == null && latestHead().isPresent()) {
                log.warn(
                        "The custody ledger has signed heads but no head log at {}: heads are logged there from now on. "
                                + "If the file existed before, someone removed it: run filet ledger check.",
                        headLog.primary());
            }
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("the custody ledger could not be opened: " + e.getMessage(), e);
        }
        running = true;
        if (!settings.sequencer()) {
            return; // an operator's command: reads the ledger, signs nothing
        }
        worker = new Thread(this::run, "ledger-sequencer");
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (worker != null) {
            worker.interrupt();
            try {
                worker.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            if (merkle != null) {
                merkle.close();
            }
        } catch (IOException e) {
            log.warn("ledger cache could not be closed cleanly: {}", e.getMessage());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 100; // stops after intake has stopped producing events
    }

    private void run() {
        while (running) {
            try {
                int n = sequence();
                if (Instant.now().isAfter(lastHeadAt.plus(settings.headInterval()))) {
                    try {
                        signHead();
                    } catch (IllegalStateException e) {
                        if (refusal == null) {
                            throw e;
                        } // a refusal is logged once, when it starts
                    }
                }
                if (n < BATCH) {
                    Thread.sleep(100);
                }
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                log.error("ledger sequencing failed; retrying", e);
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    // ---- sequencing ----------------------------------------------------------------------------------------

    /** Moves queued custody events into the log; returns how many. */
    public synchronized int sequence() throws SQLException, IOException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                lock(c);
                catchUp(c);
                List<Long> events = new ArrayList<>();
                List<byte[]> entries = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement("select " + CustodyEntries.COLUMNS
                                + " from ledger_queue q join custody_event e on e.id = q.event_id order by q.event_id limit "
                                + BATCH);
                        ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        events.add(rs.getLong("id"));
                        entries.add(CustodyEntries.fromRow(rs).encode());
                    }
                }
                if (events.isEmpty()) {
                    c.rollback();
                    return 0;
                }
                long first = merkle.size();
                List<byte[]> leafHashes = new ArrayList<>(entries.size());
                try (PreparedStatement leaf = c.prepareStatement(
                                "insert into ledger_leaf (leaf_index, event_id, entry, leaf_hash) values (?, ?, ?, ?)");
                        PreparedStatement dequeue =
                                c.prepareStatement("delete from ledger_queue where event_id = any (?)")) {
                    for (int i = 0; i < events.size(); i++) {
                        byte[] hash = org.filet.verify.merkle.Rfc9162.leafHash(entries.get(i));
                        leafHashes.add(hash);
                        leaf.setLong(1, first + i);
                        leaf.setLong(2, events.get(i));
                        leaf.setBytes(3, entries.get(i));
                        leaf.setBytes(4, hash);
                        leaf.addBatch();
                    }
                    leaf.executeBatch();
                    dequeue.setArray(1, c.createArrayOf("bigint", events.toArray()));
                    dequeue.executeUpdate();
                }
                c.commit();
                leafHashes.forEach(merkle::appendLeafHash); // after the commit: the cache never runs ahead
                merkle.sync();
                return events.size();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /**
     * Signs a head over the whole log now (if it grew since the last head); returns the latest head. The head is
     * appended (fsynced) to the head log before it is stored in the database, where it becomes published. Refuses to
     * sign a head that contradicts the newest head in the head log (a database that was rolled back or rewritten).
     */
    public synchronized Head signHead() throws SQLException {
        Optional<Head> latest = latestHead();
        long size = merkle.size();
        lastHeadAt = Instant.now();
        if (latest.isPresent() && latest.get().treeSize() == size) {
            return latest.get();
        }
        String contradiction = contradiction(size);
        if (contradiction != null) {
            if (!contradiction.equals(refusal)) {
                log.error("The custody ledger will not sign new heads: {}. Run filet ledger check.", contradiction);
                refusal = contradiction;
            }
            throw new IllegalStateException("the custody ledger will not sign new heads: " + contradiction);
        }
        SignedTreeHead sth = key.sign(origin, size, merkle.root(size), Instant.now());
        byte[] reply = tsa.stamp(sth.encoded()).orElse(null);
        try {
            headLog.append(sth.toSignedNote());
        } catch (IOException e) {
            throw new IllegalStateException(
                    "the head could not be written to the head log " + headLog.files() + ", so it is not published: "
                            + e.getMessage(),
                    e);
        }
        lastPublished = sth;
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("""
                     insert into ledger_head (tree_size, root_hash, signed_at, sth, timestamp_token)
                     values (?, ?, ?, ?, ?) on conflict (tree_size) do nothing""")) {
            ps.setLong(1, size);
            ps.setBytes(2, sth.rootHash());
            ps.setTimestamp(3, Timestamp.from(sth.timestamp()));
            ps.setBytes(4, sth.encoded());
            ps.setBytes(5, reply);
            ps.executeUpdate();
        }
        return latestHead().orElseThrow();
    }

    /** Why the database's log cannot extend the newest logged head, or null when it does. */
    private String contradiction(long size) {
        if (lastPublished == null) {
            return null;
        }
        long logged = lastPublished.treeSize();
        if (size < logged) {
            return "the database holds " + size + " leaves but the head log has a signed head of " + logged;
        }
        if (!Arrays.equals(merkle.root(logged), lastPublished.rootHash())) {
            return "the database's first " + logged + " leaves do not give the root the head log signed at that size";
        }
        return null;
    }

    private SignedTreeHead newestLogged() throws SQLException {
        SignedTreeHead newest = null;
        java.util.Map<String, List<SignedNote>> sources = new java.util.LinkedHashMap<>();
        for (Path file : headLog.files()) {
            try {
                sources.put(
                        file.toString(),
                        HeadLog.tail(file)); // a late cosignature of an older head may follow the newest head
            } catch (IOException e) {
                log.warn("the head log {} cannot be read: {}", file, e.getMessage());
            }
        }
        if (s3Mirror.enabled()) {
            List<SignedNote> heads = new java.util.ArrayList<>();
            try {
                // the heads from the database's newest on: a bucket holding larger ones is a database rolled back
                s3Mirror.readHeadsFrom(latestHead().map(Head::treeSize).orElse(0L), note -> {
                    try {
                        heads.add(SignedNote.parse(note));
                    } catch (TreeHeadException e) {
                        log.warn(
                                "a head in the S3 head mirror {} cannot be used: {}", s3Mirror.where(), e.getMessage());
                    }
                });
                sources.put(s3Mirror.where(), heads);
            } catch (IOException e) {
                log.warn("the S3 head mirror cannot be read: {}", e.getMessage());
            }
        }
        for (var source : sources.entrySet()) {
            String file = source.getKey();
            List<SignedNote> tail = source.getValue();
            for (SignedNote note : tail) {
                try {
                    SignedTreeHead sth = SignedTreeHead.fromCheckpoint(note, origin);
                    sth.verify(key.publicKey());
                    if (newest == null || sth.treeSize() > newest.treeSize()) {
                        newest = sth;
                    }
                } catch (TreeHeadException e) {
                    log.warn("a record of the head log {} cannot be used: {}", file, e.getMessage());
                }
            }
        }
        return newest;
    }

    /** Appends a cosigned checkpoint to the head log (the instance keeps its witnesses' word outside the database). */
    void logCosigned(String note) throws IOException {
        headLog.append(note);
    }

    /** Sequences everything queued so far and signs a head that covers it. */
    public synchronized Head sealNow() throws SQLException, IOException {
        while (sequence() > 0) {
            // drain the queue
        }
        return signHead();
    }

    // ---- reading -------------------------------------------------------------------------------------------

    public Optional<Head> latestHead() throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "select sth, timestamp_token from ledger_head order by tree_size desc limit 1");
                ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            return Optional.of(new Head(SignedTreeHead.decode(rs.getBytes(1)), rs.getBytes(2)));
        } catch (TreeHeadException e) {
            throw new IllegalStateException("a stored tree head does not decode: " + e.getMessage(), e);
        }
    }

    /** Every sequenced entry about a subject, in log order. */
    public List<Leaf> leaves(String subject) throws SQLException {
        List<Leaf> leaves = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("""
                     select l.leaf_index, l.entry from ledger_leaf l join custody_event e on e.id = l.event_id
                     where e.subject = ? order by l.leaf_index""")) {
            ps.setString(1, subject);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    leaves.add(new Leaf(rs.getLong(1), CustodyEntry.decode(rs.getBytes(2))));
                }
            }
        } catch (org.filet.verify.custody.InvalidCustodyEntry e) {
            throw new IllegalStateException("a stored ledger entry does not decode", e);
        }
        return leaves;
    }

    /** The custody record of a leaf with its inclusion proof in the tree of {@code treeSize} leaves. */
    public synchronized CustodyRecord record(Leaf leaf, long treeSize) {
        return CustodyRecord.of(merkle, leaf.index(), leaf.entry(), treeSize);
    }

    public synchronized InclusionProof inclusionProof(long index, long treeSize) {
        return merkle.inclusionProof(index, treeSize);
    }

    public synchronized ConsistencyProof consistencyProof(long size1, long size2) {
        return merkle.consistencyProof(size1, size2);
    }

    public synchronized long size() {
        return merkle.size();
    }

    public LedgerPublicKey publicKey() {
        return key.publicKey();
    }

    public String origin() {
        return origin;
    }

    // ---- cache ---------------------------------------------------------------------------------------------

    private MerkleLog openCache(Path dir) throws IOException, SQLException {
        MerkleLog opened = MerkleLog.openFile(dir);
        try (Connection c = dataSource.getConnection()) {
            long dbSize = count(c);
            if (opened.size() > dbSize || !cacheAgrees(opened, c)) {
                log.warn("the ledger cache under {} disagrees with the database; rebuilding it", dir);
                opened.close();
                deleteTree(dir);
                opened = MerkleLog.openFile(dir);
            }
            this.merkle = opened;
            catchUp(c);
        }
        return opened;
    }

    private boolean cacheAgrees(MerkleLog cache, Connection c) throws SQLException {
        if (cache.size() == 0) {
            return true;
        }
        try (PreparedStatement ps = c.prepareStatement("select leaf_hash from ledger_leaf where leaf_index = ?")) {
            ps.setLong(1, cache.size() - 1);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && Arrays.equals(rs.getBytes(1), cache.subtreeHash(0, cache.size() - 1));
            }
        }
    }

    /** Appends to the cache the leaves the database has and the cache lacks (another node, or a crash). */
    private void catchUp(Connection c) throws SQLException, IOException {
        try (PreparedStatement ps =
                c.prepareStatement("select leaf_hash from ledger_leaf where leaf_index >= ? order by leaf_index")) {
            ps.setLong(1, merkle.size());
            ps.setFetchSize(10_000);
            boolean any = false;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    merkle.appendLeafHash(rs.getBytes(1));
                    any = true;
                }
            }
            if (any) {
                merkle.sync();
            }
        }
    }

    private static long count(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select coalesce(max(leaf_index) + 1, 0) from ledger_leaf");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void lock(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select pg_advisory_xact_lock(?)")) {
            ps.setLong(1, ADVISORY_LOCK);
            ps.execute();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
