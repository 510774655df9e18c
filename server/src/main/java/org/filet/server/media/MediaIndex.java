package org.filet.server.media;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.filet.pdq.PdqHash;
import org.filet.pdq.match.MatchBuffer;
import org.filet.pdq.match.MihIndex;

/**
 * Every PDQ hash the instance knows, in memory: report pictures and the entries of imported hash lists (the pdq
 * module's multi-index: every match within the distance, none missed). Loaded from the database at start, updated as
 * pictures are hashed and lists imported.
 */
@Component
class MediaIndex {

    /** What an index entry stands for. */
    sealed interface Known permits Picture, ListEntry {
    }

    /** A picture of a report. */
    record Picture(UUID reportId, String fileSha256) implements Known {
    }

    /** An entry of a hash list of known material. */
    record ListEntry(long listId, String entryId, String category) implements Known {
    }

    private final MihIndex index = MihIndex.create();
    private final List<Known> known = new ArrayList<>();

    MediaIndex(JdbcClient jdbc) {
        jdbc.sql("select report_id, file_sha256, pdq from media_hash where pdq is not null order by hashed_at")
                .query((rs, n) -> {
                    add(PdqHash.parse(rs.getString(3)), new Picture(rs.getObject(1, UUID.class), rs.getString(2).trim()));
                    return null;
                })
                .list();
        jdbc.sql("select list_id, entry_id, category, hex from hash_list_entry where kind = 'pdq'")
                .query((rs, n) -> {
                    add(PdqHash.parse(rs.getString(4)), new ListEntry(rs.getLong(1), rs.getString(2), rs.getString(3)));
                    return null;
                })
                .list();
    }

    synchronized void add(PdqHash hash, Known what) {
        int id = index.add(hash);
        while (known.size() <= id) {
            known.add(null);
        }
        known.set(id, what);
    }

    /** Something known, and how far. */
    record Match(Known known, int distance) {
    }

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
