package org.filet.server.media;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.filet.pdq.PdqHash;
import org.filet.pdq.match.MatchBuffer;
import org.filet.pdq.match.MihIndex;
import org.filet.server.support.ChangeNotices;
import org.filet.server.support.SequenceFollower;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Every PDQ hash the instance knows, in memory: report pictures and the entries of imported hash lists (the pdq
 * module's multi-index: every match within the distance, none missed). A cache of {@code media_hash} and
 * {@code hash_list_entry}: loaded at start, then kept in step by sequence on every node ({@link ChangeNotices}), so a
 * picture hashed or a list imported on one node is matched on all.
 */
@Component
class MediaIndex {

    /** What an index entry stands for. */
    sealed interface Known permits Picture, ListEntry {}

    /** A picture of a report. */
    record Picture(UUID reportId, String fileSha256) implements Known {}

    /** An entry of a hash list of known material. */
    record ListEntry(long listId, String entryId, String category) implements Known {}

    /** The topic writers announce when they add pictures or list entries. */
    static final String TOPIC = "media-index";

    private final MihIndex index = MihIndex.create();
    private final List<Known> known = new ArrayList<>();
    private int count;
    private final JdbcClient jdbc;
    private final SequenceFollower<Entry> pictures = new SequenceFollower<>(0, GAP_PATIENCE);
    private final SequenceFollower<Entry> listEntries = new SequenceFollower<>(0, GAP_PATIENCE);

    private static final Duration GAP_PATIENCE = Duration.ofMinutes(10);

    /** A row of either table: its hash (null when the picture could not be hashed, or the entry is not PDQ). */
    private record Entry(String pdq, Known what) {}

    MediaIndex(JdbcClient jdbc, ChangeNotices notices, ObjectProvider<MeterRegistry> meters) {
        this.jdbc = jdbc;
        catchUp();
        meters.ifAvailable(registry -> Gauge.builder("filet.index.pdq.hashes", this, MediaIndex::size)
                .description("PDQ hashes in this node's in-memory index (report pictures and hash-list entries)")
                .register(registry));
        notices.follow(new ChangeNotices.Follower() {
            @Override
            public String topic() {
                return TOPIC;
            }

            @Override
            public void catchUp() {
                MediaIndex.this.catchUp();
            }
        });
    }

    /** Adds what other nodes (or this one) committed since the last catch-up. */
    synchronized void catchUp() {
        Instant now = Instant.now();
        for (SequenceFollower.Sequenced<Entry> e : pictures.catchUp(
                (after, gaps) -> jdbc.sql("""
                        select seq, report_id, file_sha256, pdq from media_hash
                        where seq > ? or seq = any (?) order by seq""")
                        .params(after, gaps)
                        .query((rs, n) -> new SequenceFollower.Sequenced<>(
                                rs.getLong(1),
                                new Entry(
                                        rs.getString(4),
                                        new Picture(
                                                rs.getObject(2, UUID.class),
                                                rs.getString(3).trim()))))
                        .list(),
                now)) {
            if (e.row().pdq() != null) {
                add(PdqHash.parse(e.row().pdq()), e.row().what());
            }
        }
        for (SequenceFollower.Sequenced<Entry> e : listEntries.catchUp(
                (after, gaps) -> jdbc.sql("""
                        select seq, list_id, entry_id, category, case when kind = 'pdq' then hex end from hash_list_entry
                        where seq > ? or seq = any (?) order by seq""")
                        .params(after, gaps)
                        .query((rs, n) -> new SequenceFollower.Sequenced<>(
                                rs.getLong(1),
                                new Entry(
                                        rs.getString(5),
                                        new ListEntry(rs.getLong(2), rs.getString(3), rs.getString(4)))))
                        .list(),
                now)) {
            if (e.row().pdq() != null) {
                add(PdqHash.parse(e.row().pdq()), e.row().what());
            }
        }
    }

    /** How many hashes the index holds. */
    synchronized int size() {
        return count;
    }

    private void add(PdqHash hash, Known what) {
        int id = index.add(hash);
        while (known.size() <= id) {
            known.add(null);
        }
        known.set(id, what);
        count++;
    }

    /** Something known, and how far. */
    record Match(Known known, int distance) {}

    /** Everything within {@code maxDistance} of any of the 8 rotations/flips of a picture. */
    List<Match> search(List<PdqHash> variants, int maxDistance) {
        MatchBuffer buffer = new MatchBuffer();
        index.searchAny(variants, maxDistance, buffer);
        List<Match> matches = new ArrayList<>();
        synchronized (this) {
            for (int i = 0; i < buffer.size(); i++) {
                matches.add(new Match(known.get(buffer.id(i)), buffer.distance(i)));
            }
        }
        return matches;
    }
}
