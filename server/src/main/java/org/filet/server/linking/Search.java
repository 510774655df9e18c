package org.filet.server.linking;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Full-text search over the organisation's reports (descriptions, pasted messages, the messages of parsed exports and
 * the lines read by OCR from screenshots), in French and English, accents ignored; and similar account handles by trigram similarity, suggested for a person to confirm (never merged).
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
                            where r.organisation = ? and (to_tsvector('filet_fr', m.body) || to_tsvector('filet_en', m.body)) @@ (q.fr || q.en)
                            union all
                            select t.report_id, t.receipt, t.received_at, t.body
                            from search_text t, q
                            where t.organisation = ? and (to_tsvector('filet_fr', t.body) || to_tsvector('filet_en', t.body)) @@ (q.fr || q.en))
                        select distinct on (h.receipt) h.receipt, h.received_at,
                               ts_headline('filet_fr', h.text, q.fr || q.en, 'StartSel=«,StopSel=»,MaxWords=20,MinWords=5') as excerpt
                        from hits h, q order by h.receipt, h.received_at desc limit 100""")
                .params(q, q, organisation, organisation, organisation)
                .query((rs, n) -> new Hit(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getString(3)))
                .list();
    }

    /** A text read from a report's file: {@code export} (one message) or {@code ocr} (one line, a machine reading). */
    record Text(String source, String fileSha256, int position, String body) {
    }

    /** Replaces the searchable texts read from a report's files; call it in the transaction that reads them. */
    void index(UUID reportId, UUID organisation, String receipt, Instant receivedAt, List<Text> texts) {
        jdbc.sql("delete from search_text where report_id = ?").param(reportId).update();
        for (Text t : texts) {
            if (t.body().isBlank()) {
                continue;
            }
            jdbc.sql("""
                            insert into search_text (report_id, organisation, receipt, received_at, source, file_sha256, position, body)
                            values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                    .params(reportId, organisation, receipt, java.sql.Timestamp.from(receivedAt), t.source(), t.fileSha256(),
                            t.position(), t.body())
                    .update();
        }
    }

    /** An account in another report whose handle looks like one of this report's, and how alike (0–1). */
    public record Similar(String key, String otherReceipt, String otherKey, double similarity) {

        /** The handle, as a reader writes it (the key is {@code ACCOUNT/platform/handle}). */
        public String value() {
            return part(key, 2);
        }

        /** The platform's code, or null when none was given. */
        public String platform() {
            return part(key, 1).isEmpty() ? null : part(key, 1);
        }

        public String otherValue() {
            return part(otherKey, 2);
        }

        public String otherPlatform() {
            return part(otherKey, 1).isEmpty() ? null : part(otherKey, 1);
        }

        private static String part(String key, int n) {
            String[] parts = key.split("/", 3);
            return parts.length > n ? parts[n] : "";
        }
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
