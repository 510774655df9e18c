package org.filet.server.evidence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.springframework.stereotype.Component;

/** The list of objects in the evidence store, with the media type sniffed from their content. */
@Component
public class EvidenceCatalogue {

    /** An object to list: its address, size and sniffed media type. */
    public record Entry(String sha256, long size, String mediaType) {}

    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

    EvidenceCatalogue(org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the catalogue lists an object (a committed write named it). */
    public boolean lists(String sha256) {
        return jdbc.sql("select exists (select 1 from evidence_object where sha256 = ?)")
                .param(sha256)
                .query(Boolean.class)
                .single();
    }

    /** Lists one object in the caller's transaction (write-once: an object already listed stays as it is). */
    public void record(Entry e) {
        jdbc.sql("insert into evidence_object (sha256, size, media_type) values (?, ?, ?) on conflict do nothing")
                .params(e.sha256(), e.size(), e.mediaType())
                .update();
    }

    /** The media type an object was listed with, if it is listed. */
    public java.util.Optional<String> mediaType(String sha256) {
        return jdbc.sql("select media_type from evidence_object where sha256 = ?")
                .param(sha256)
                .query(String.class)
                .optional();
    }

    /** Lists objects in the caller's transaction; an object already listed is left as it is (write-once). */
    public void recordBatch(Connection connection, List<Entry> entries) throws SQLException {
        if (entries.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = connection.prepareStatement(
                "insert into evidence_object (sha256, size, media_type) values (?, ?, ?) on conflict do nothing")) {
            for (Entry e : entries) {
                ps.setString(1, e.sha256());
                ps.setLong(2, e.size());
                ps.setString(3, e.mediaType());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
