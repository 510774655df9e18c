package org.filet.server.linking;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reports linked to a report by a shared identifier, within the organisation, each with what links them. Bounded:
 * values on the exclusion list never link, a value found in more than {@link #PER_VALUE_CAP} reports is treated as
 * too common to mean anything, and at most {@link #MAX_LINKS} links are listed.
 */
@Component
public class Links {

    static final int PER_VALUE_CAP = 1000;
    static final int MAX_LINKS = 200;

    private final JdbcClient jdbc;

    Links(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The value of a normalised key: the key without its kind and platform prefix. */
    static String valueOf(String key) {
        int slash = key.indexOf('/', key.indexOf('/') + 1);
        return slash < 0 ? key : key.substring(slash + 1);
    }

    /** An identifier of the report as found. */
    public record Found(String key, String kind, String platform, String source, String strength, boolean common) {
        /** The value shown to staff: the key without its kind and platform prefix. */
        public String value() {
            int slash = key.indexOf('/', key.indexOf('/') + 1);
            return slash < 0 ? key : key.substring(slash + 1);
        }
    }

    /** Another report sharing an identifier: which report, which identifier. */
    public record Link(String receipt, String key, String kind, String platform) {
        public String value() {
            int slash = key.indexOf('/', key.indexOf('/') + 1);
            return slash < 0 ? key : key.substring(slash + 1);
        }
    }

    public List<Found> identifiers(UUID reportId) {
        return jdbc.sql(
                        "select key, kind, platform, source, strength, common from report_identifier where report_id = ? order by kind, key")
                .param(reportId)
                .query(Found.class)
                .list();
    }

    public List<Link> of(UUID reportId, UUID organisation) {
        return jdbc.sql("""
                        select r.receipt, o.key, o.kind, o.platform
                        from report_identifier me
                        join report_identifier o on o.key = me.key and o.report_id <> me.report_id and not o.common
                        join report r on r.id = o.report_id
                        where me.report_id = ? and not me.common and r.organisation = ?
                          and (select count(*) from (select 1 from report_identifier x where x.key = me.key and not x.common
                                                     limit ?) capped) <= ?
                        order by r.received_at desc limit ?""")
                .params(reportId, organisation, PER_VALUE_CAP + 1, PER_VALUE_CAP, MAX_LINKS)
                .query(Link.class)
                .list();
    }
}
