package org.filet.server.media;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What media tells the network of reports: each hashed picture is a key ({@code PICTURE/<sha256>}) of its report, and
 * a picture that matches another report's picture gives the report that picture's key too, so the two reports share
 * a key and join one network. Media announces a hashed picture with the {@link #CHANGED_JOB} job (subject: report and
 * file); whoever keeps networks asks here for its keys.
 */
@Component
public class PictureKeys {

    /** The job media enqueues when a picture of a report was hashed (and matched). */
    public static final String CHANGED_JOB = "pictures-changed";

    private final JdbcClient jdbc;

    PictureKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static String subject(UUID report, String fileSha256) {
        return report + "/" + fileSha256;
    }

    /** The report a {@link #CHANGED_JOB} subject names. */
    public static UUID reportOf(String subject) {
        return UUID.fromString(subject.substring(0, subject.indexOf('/')));
    }

    /** The keys one hashed picture gives its report: its own and those of the pictures it matches. */
    public List<String> keysOf(String subject) {
        UUID report = reportOf(subject);
        String sha = subject.substring(subject.indexOf('/') + 1);
        List<String> keys = new ArrayList<>();
        if (jdbc.sql("select count(*) from media_hash where report_id = ? and file_sha256 = ? and pdq is not null")
                        .params(report, sha)
                        .query(Long.class)
                        .single()
                > 0) {
            keys.add(key(sha));
        }
        jdbc.sql("select matched_file_sha256 from media_match where report_id = ? and file_sha256 = ?")
                .params(report, sha)
                .query((rs, n) -> keys.add(key(rs.getString(1).trim())))
                .list();
        return keys;
    }

    /** Every report's picture keys, as (report, key) pairs: for building the networks from scratch. */
    public void forEach(BiConsumer<UUID, String> pair) {
        for (String sql : new String[] {
            "select report_id, trim(file_sha256) from media_hash where pdq is not null",
            "select report_id, trim(matched_file_sha256) from media_match"
        }) {
            jdbc.sql(sql)
                    .query((rs, n) -> {
                        pair.accept(rs.getObject(1, UUID.class), key(rs.getString(2)));
                        return null;
                    })
                    .list();
        }
    }

    private static String key(String sha256) {
        return "PICTURE/" + sha256;
    }
}
