package org.filet.server.evidence;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.filet.verify.sth.Cosignature;
import org.filet.verify.sth.SignedNote;
import org.filet.verify.sth.SignedTreeHead;
import org.filet.verify.sth.TreeHeadException;
import org.filet.verify.sth.WitnessPublicKey;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The witnesses' cosignatures of this instance's checkpoints (C2SP tlog-cosignature, Ed25519). Each is checked before
 * it is kept: it must cosign a checkpoint that this instance's ledger key signed. Kept in an append-only table and in
 * the head log.
 */
@Component
public class Cosignatures {

    /** A cosigned checkpoint may be at most this long (a checkpoint is ~200 bytes, a cosignature line ~150). */
    static final int MAX_NOTE = 16 * 1024;

    private static final Duration CLOCK_SKEW = Duration.ofMinutes(10);

    private final JdbcClient jdbc;
    private final Ledger ledger;

    Cosignatures(JdbcClient jdbc, Ledger ledger) {
        this.jdbc = jdbc;
        this.ledger = ledger;
    }

    /** A cosignature that cannot be kept, naming the request field at fault. */
    public static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        final String field;
        final int status;

        Refused(String field, int status, String message) {
            super(message);
            this.field = field;
            this.status = status;
        }
    }

    /** One stored cosignature. */
    public record Stored(long treeSize, String witnessKey, Instant cosignedAt, String line, String checkpoint) {}

    /**
     * Checks and keeps the cosignature of {@code key} found in {@code note}. Returns true when it is new, false when
     * this witness had already cosigned that tree size.
     */
    public boolean accept(String note, String key) throws Refused {
        WitnessPublicKey witness;
        try {
            witness = WitnessPublicKey.parse(key);
        } catch (TreeHeadException e) {
            throw new Refused("key", 400, e.getMessage());
        }
        if (note == null || note.length() > MAX_NOTE) {
            throw new Refused("checkpoint", 400, "checkpoint: missing, or longer than " + MAX_NOTE + " characters");
        }
        SignedNote parsed;
        SignedTreeHead sth;
        try {
            parsed = SignedNote.parse(note);
            sth = SignedTreeHead.fromCheckpoint(parsed, ledger.origin());
        } catch (TreeHeadException e) {
            throw new Refused("checkpoint", 400, e.getMessage());
        }
        try {
            sth.verify(ledger.publicKey());
        } catch (TreeHeadException e) {
            throw new Refused("checkpoint", 422, "not a checkpoint this instance signed: " + e.getMessage());
        }
        SignedNote.Line found = null;
        Cosignature cosignature = null;
        for (SignedNote.Line line : parsed.signatures()) {
            if (line.keyName().equals(witness.name()) && java.util.Arrays.equals(line.keyId(), witness.keyId())) {
                try {
                    cosignature = Cosignature.fromLine(line);
                    cosignature.verify(parsed.text(), witness);
                    found = line;
                    break;
                } catch (TreeHeadException e) {
                    throw new Refused("checkpoint", 422, e.getMessage());
                }
            }
        }
        if (found == null) {
            throw new Refused("checkpoint", 422, "the checkpoint carries no cosignature by " + witness.name());
        }
        if (cosignature.time().isAfter(Instant.now().plus(CLOCK_SKEW))) {
            throw new Refused("checkpoint", 422, "the cosignature is dated in the future (" + cosignature.time() + ")");
        }
        String kept = sth.toNote().with(found).encode();
        int inserted = jdbc.sql("""
                        insert into ledger_cosignature (tree_size, root_hash, witness_name, witness_key, cosigned_at, checkpoint)
                        values (?, ?, ?, ?, ?, ?) on conflict (witness_key, tree_size) do nothing""")
                .params(
                        sth.treeSize(),
                        sth.rootHash(),
                        witness.name(),
                        witness.toVerifierKey(),
                        Timestamp.from(cosignature.time()),
                        kept)
                .update();
        if (inserted == 0) {
            return false;
        }
        try {
            ledger.logCosigned(kept);
        } catch (IOException e) {
            // kept in the table; the head log copy is a second place, and the witness keeps its own
            org.slf4j.LoggerFactory.getLogger(Cosignatures.class)
                    .warn(
                            "a cosignature of size {} could not be appended to the head log: {}",
                            sth.treeSize(),
                            e.getMessage());
        }
        return true;
    }

    /** The cosignatures of one tree size, oldest first. */
    public List<Stored> of(long treeSize) {
        return jdbc.sql(
                        "select tree_size, witness_key, cosigned_at, checkpoint from ledger_cosignature where tree_size = ? order by id")
                .param(treeSize)
                .query((rs, n) -> stored(rs))
                .list();
    }

    /** Every stored cosignature, in the order received. */
    public List<Stored> all() {
        return jdbc.sql("select tree_size, witness_key, cosigned_at, checkpoint from ledger_cosignature order by id")
                .query((rs, n) -> stored(rs))
                .list();
    }

    private static Stored stored(java.sql.ResultSet rs) throws java.sql.SQLException {
        String checkpoint = rs.getString("checkpoint");
        String[] lines = checkpoint.split("\n");
        return new Stored(
                rs.getLong("tree_size"),
                rs.getString("witness_key"),
                rs.getTimestamp("cosigned_at").toInstant(),
                lines[lines.length - 1],
                checkpoint);
    }
}
