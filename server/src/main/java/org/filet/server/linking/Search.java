package org.filet.server.linking;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Full-text search over the organisation's reports (descriptions and messages), in French and English, accents
 * ignored; and similar account handles by trigram similarity, suggested for a person to confirm (never merged).
 */
@Component
public class Search {

    private final JdbcClient jdbc;

    Search(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A report that matches, with a short highlighted excerpt (plain text; the page escapes it). */
    public record Hit(String receipt, Instant receivedAt, String excerpt) {
    }

    public List<Hit> reports(UUID organisation, String query) {
        if (query == null || query.isBlank()) {
            return List.of();
        }
        String q = query.strip();
        return jdbc.sql("""
                        with q as (select websearch_to_tsquery('filet_fr', ?) as fr, websearch_to_tsquery('filet_en', ?) as en),
                        hits as (
                            select r.id, r.receipt, r.received_at, coalesce(r.description, '') as text
                            from report r, q
                            where r.organisation = ?
                              and (to_tsvector('filet_fr', coalesce(r.description, '')) || to_tsvector('filet_en', coalesce(r.description, '')))
                                  @@ (q.fr || q.en)
                            union all
                            select r.id, r.receipt, r.received_at, m.body
                            from report_message m join report r on r.id = m.report_id, q
                            where r.organisation = ? and (to_tsvector('filet_fr', m.body) || to_tsvector('filet_en', m.body)) @@ (q.fr || q.en))
                        select distinct on (h.receipt) h.receipt, h.received_at,
                               ts_headline('filet_fr', h.text, q.fr || q.en, 'StartSel=«,StopSel=»,MaxWords=20,MinWords=5') as excerpt
                        from hits h, q order by h.receipt, h.received_at desc limit 100""")
                .params(q, q, organisation, organisation)
                .query((rs, n) -> new Hit(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getString(3)))
                .list();
    }

    /** An account in another report whose handle looks like one of this report's, and how alike (0–1). */
    public record Similar(String key, String otherReceipt, String otherKey, double similarity) {
    }

    public List<Similar> similarAccounts(UUID reportId, UUID organisation) {
        return jdbc.sql("""
                        select me.key, r.receipt, o.key, similarity(me.key, o.key) as s
                        from report_identifier me
                        join report_identifier o on o.kind = 'ACCOUNT' and o.key % me.key and o.key <> me.key
                             and o.report_id <> me.report_id
                        join report r on r.id = o.report_id
                        where me.report_id = ? and me.kind = 'ACCOUNT' and not me.common and r.organisation = ?
                        order by s desc limit 20""")
                .params(reportId, organisation)
                .query((rs, n) -> new Similar(rs.getString(1), rs.getString(2), rs.getString(3), rs.getDouble(4)))
                .list();
    }
}
