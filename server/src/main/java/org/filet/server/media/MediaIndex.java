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
 * Every report picture's PDQ hash in memory (the pdq module's multi-index: all matches within the distance, none
 * missed), loaded from the database at start and updated as pictures are hashed.
 */
@Component
class MediaIndex {

    /** What an index entry stands for. */
    record Picture(UUID reportId, String fileSha256) {
    }

    private final MihIndex index = MihIndex.create();
    private final List<Picture> pictures = new ArrayList<>();

    MediaIndex(JdbcClient jdbc) {
        jdbc.sql("select report_id, file_sha256, pdq from media_hash where pdq is not null order by hashed_at")
                .query((rs, n) -> {
                    add(PdqHash.parse(rs.getString(3)), new Picture(rs.getObject(1, UUID.class), rs.getString(2).trim()));
                    return null;
                })
                .list();
    }

    synchronized void add(PdqHash hash, Picture picture) {
        int id = index.add(hash);
        while (pictures.size() <= id) {
            pictures.add(null);
        }
        pictures.set(id, picture);
    }

    /** A picture matched, and how far. */
    record Match(Picture picture, int distance) {
    }

    /** Earlier pictures within {@code maxDistance} of any of the 8 rotations/flips of a picture. */
    List<Match> search(List<PdqHash> variants, int maxDistance) {
        MatchBuffer buffer = new MatchBuffer();
        index.searchAny(variants, maxDistance, buffer);
        List<Match> matches = new ArrayList<>();
        synchronized (this) {
            for (int i = 0; i < buffer.size(); i++) {
                matches.add(new Match(pictures.get(buffer.id(i)), buffer.distance(i)));
            }
        }
        return matches;
    }
}
