package org.filet.server.media;

import java.util.List;
import java.util.Locale;
import org.filet.pdq.lists.HashListEntry;
import org.filet.server.support.ChangeNotices;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Imports a hash list of known material; its PDQ entries join every node's in-memory index when it commits. */
@Component
public class HashListImport {

    private final JdbcClient jdbc;
    private final ChangeNotices notices;

    HashListImport(JdbcClient jdbc, ChangeNotices notices) {
        this.jdbc = jdbc;
        this.notices = notices;
    }

    /** What a list is: its name and version (unique together), owner, default category and reviewer count. */
    public record ListInfo(String name, String owner, String version, String category, int reviewers) {
        public ListInfo {
            if (name == null
                    || name.isBlank()
                    || owner == null
                    || owner.isBlank()
                    || version == null
                    || version.isBlank()) {
                throw new IllegalArgumentException("a list needs a name, an owner and a version");
            }
            if (reviewers < 0) {
                throw new IllegalArgumentException("reviewers must be >= 0");
            }
        }
    }

    /** Stores the list and its entries; returns the list id. */
    @Transactional
    public long importList(ListInfo info, List<HashListEntry> entries, String importedBy) {
        long id = jdbc.sql("""
                        insert into hash_list (name, owner, version, category, reviewers, imported_by)
                        values (?, ?, ?, ?, ?, ?) returning id""")
                .params(info.name(), info.owner(), info.version(), info.category(), info.reviewers(), importedBy)
                .query(Long.class)
                .single();
        for (HashListEntry e : entries) {
            String category = e.category() == null || e.category().isBlank() ? info.category() : e.category();
            jdbc.sql(
                            "insert into hash_list_entry (list_id, entry_id, kind, hex, category) values (?, ?, ?, ?, ?) on conflict do nothing")
                    .params(
                            id,
                            e.id(),
                            e.kind().name().toLowerCase(Locale.ROOT),
                            e.hex().toLowerCase(Locale.ROOT),
                            category)
                    .update();
        }
        notices.announce(MediaIndex.TOPIC);
        return id;
    }
}
