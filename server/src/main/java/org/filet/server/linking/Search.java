package org.filet.server.linking;

import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.filet.identifiers.IdentifierKind;
import org.filet.identifiers.Identifiers;
import org.filet.identifiers.Parsed;
import org.filet.identifiers.Platform;
import org.filet.server.intake.Reports;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Search over the organisation's reports. A query that is an identifier as someone would type it (a phone in any
 * written form, an e-mail in any case, a handle with or without {@code @}, a profile link) is normalised by the
 * {@code identifiers} module and matched against the normalised identifiers linking keeps for each report. Any query
 * is also searched as words in descriptions, pasted messages, the messages of parsed exports and the lines read by OCR
 * from screenshots, accents and case ignored; full text (French and English) finds the candidates and every word
 * searched must then start a word of the text, so a result always contains what was searched. Similar account handles
 * are found by trigram similarity, suggested for a person to confirm (never merged).
 */
@Component
public class Search {

    /** At most this many reports are listed. */
    static final int MAX_HITS = 100;

    private static final int MAX_WORDS = 10;
    private static final int SNIPPET = 80;

    private final JdbcClient jdbc;
    private final Reports reports;

    Search(JdbcClient jdbc, Reports reports) {
        this.jdbc = jdbc;
        this.reports = reports;
    }

    /**
     * A report that matches: either through an identifier ({@code identifier} holds its normalised key, {@code excerpt}
     * its value, {@code source} where it was found: form, message, export or ocr) or through a text ({@code source}:
     * description, message, export or ocr; {@code excerpt} the words
     * around the match with the match between « and »; plain text, the page escapes it).
     */
    public record Hit(String receipt, Instant receivedAt, String excerpt, String identifier, String source) {

        /** The identifier's kind ({@code PHONE}, {@code EMAIL}, {@code ACCOUNT}, {@code URL}), or null for a text. */
        public String kind() {
            return identifier == null ? null : identifier.substring(0, identifier.indexOf('/'));
        }

        /** The identifier's platform code, or null. */
        public String platform() {
            if (identifier == null) {
                return null;
            }
            String[] parts = identifier.split("/", 3);
            return parts.length < 3 || parts[1].isEmpty() ? null : parts[1];
        }
    }

    public List<Hit> reports(UUID organisation, String query) {
        if (query == null || query.isBlank()) {
            return List.of();
        }
        String q = query.strip();
        Map<String, Hit> hits = new LinkedHashMap<>();
        byIdentifier(organisation, q).forEach(h -> hits.putIfAbsent(h.receipt(), h));
        if (hits.size() < MAX_HITS) {
            byText(organisation, q).forEach(h -> hits.putIfAbsent(h.receipt(), h));
        }
        return hits.values().stream().limit(MAX_HITS).toList();
    }

    // ---- identifiers -------------------------------------------------------------------------------------------

    /** The normalised keys a query may stand for (empty when it is no identifier). */
    static Set<String> identifierKeys(String q) {
        Set<String> keys = new LinkedHashSet<>();
        if (q.length() > 2048 || q.isBlank()) {
            return keys;
        }
        String region = "FR";
        if (q.indexOf('@') > 0 && !q.contains(" ")) {
            ok(Identifiers.email(q)).ifPresent(e -> keys.add(e.identifier().key()));
        }
        if (q.replaceAll("[^0-9]", "").length() >= 6 && q.matches("[+0-9 ().\\-/]+")) {
            ok(Identifiers.phone(q, region))
                    .ifPresent(p -> keys.add(p.identifier().key()));
        }
        String lower = q.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://")
                || lower.startsWith("https://")
                || lower.startsWith("www.")
                || (lower.indexOf('/') > 0
                        && lower.indexOf(' ') < 0
                        && lower.substring(0, lower.indexOf('/')).contains("."))) {
            ok(Identifiers.link(q)).ifPresent(i -> {
                keys.add(i.key());
                if (i.kind() == IdentifierKind.ACCOUNT) {
                    keys.addAll(handleKeys(i.value()));
                }
            });
        } else if (!q.contains(" ") && keys.isEmpty()) {
            keys.addAll(handleKeys(q));
        }
        return keys;
    }

    /** A handle as found on any platform (and with none): the same person may be searched without knowing where. */
    private static Set<String> handleKeys(String handle) {
        Set<String> keys = new LinkedHashSet<>();
        ok(Identifiers.handle(null, handle, "FR")).ifPresent(i -> keys.add(i.key()));
        for (Platform p : Platform.values()) {
            if (p != Platform.WHATSAPP) {
                ok(Identifiers.handle(p, handle, "FR")).ifPresent(i -> keys.add(i.key()));
            }
        }
        return keys;
    }

    private static <T> java.util.Optional<T> ok(Parsed<T> parsed) {
        return parsed instanceof Parsed.Ok<T> o ? java.util.Optional.of(o.value()) : java.util.Optional.empty();
    }

    private List<Hit> byIdentifier(UUID organisation, String q) {
        Set<String> keys = identifierKeys(q);
        if (keys.isEmpty()) {
            return List.of();
        }
        record Row(UUID report, String key, String source) {}
        List<Row> rows = jdbc.sql("select report_id, key, source from report_identifier where key = any (?) limit 5000")
                .param(keys.toArray(String[]::new))
                .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)))
                .list();
        Map<UUID, Row> keyOf = new LinkedHashMap<>();
        rows.forEach(r -> keyOf.putIfAbsent(r.report(), r));
        List<Hit> out = new ArrayList<>();
        for (Reports.Summary s : reports.summaries(organisation, keyOf.keySet())) {
            Row row = keyOf.get(s.id());
            out.add(new Hit(s.receipt(), s.receivedAt(), Links.valueOf(row.key()), row.key(), row.source()));
            if (out.size() == MAX_HITS) {
                break;
            }
        }
        return out;
    }

    // ---- words -------------------------------------------------------------------------------------------------

    /** The words of a query that a result must hold: no exclusions ({@code -word}), no {@code or}, no outer punctuation. */
    static List<String> words(String q) {
        List<String> out = new ArrayList<>();
        for (String raw : q.split("\\s+")) {
            if (raw.startsWith("-") || raw.equalsIgnoreCase("or")) {
                continue;
            }
            String w = raw.replaceAll("^[\\p{P}\\p{S}]+|[\\p{P}\\p{S}]+$", "");
            if (!w.isEmpty() && out.size() < MAX_WORDS) {
                out.add(w);
            }
        }
        return out;
    }

    /** A regular expression (PostgreSQL's) for a folded word at the start of a word. */
    static String startOfWord(String folded) {
        StringBuilder sb = new StringBuilder("(^|[^[:alnum:]_])");
        folded.codePoints().forEach(c -> {
            if (c < 128 && !Character.isLetterOrDigit(c)) {
                sb.append('\\');
            }
            sb.appendCodePoint(c);
        });
        return sb.toString();
    }

    private List<Hit> byText(UUID organisation, String q) {
        List<String> words = words(q);
        if (words.isEmpty()) {
            return List.of();
        }
        List<String> folded = jdbc.sql(
                        "select array(select lower(unaccent(w)) from unnest(?::text[]) with ordinality t(w, i) order by i)")
                .param(words.toArray(String[]::new))
                .query((rs, n) -> Arrays.asList((String[]) rs.getArray(1).getArray()))
                .single();
        StringBuilder all = new StringBuilder("^");
        folded.forEach(f -> all.append("(?=.*").append(startOfWord(f)).append(')'));
        String pattern = all.toString();
        String first = startOfWord(folded.get(0));
        List<Hit> out = new ArrayList<>();
        for (Reports.TextMatch m : reports.textsMatching(organisation, q, pattern, first, MAX_HITS)) {
            out.add(new Hit(m.receipt(), m.receivedAt(), snippet(m.window(), folded), null, m.source()));
        }
        jdbc.sql("""
                        with q as (select websearch_to_tsquery('filet_fr', :q) || websearch_to_tsquery('filet_en', :q) as tq),
                        hits as (
                            select t.receipt, t.received_at, t.source, t.body, t.position
                            from search_text t, q
                            where t.organisation = :org and (to_tsvector('filet_fr', t.body) || to_tsvector('filet_en', t.body)) @@ q.tq
                              and lower(unaccent(t.body)) ~ :pattern)
                        select * from (
                            select distinct on (receipt) receipt, received_at, source,
                                   substr(body, greatest(1, regexp_instr(lower(unaccent(body)), :first) - 120), 480)
                            from hits order by receipt, source, position) one
                        order by received_at desc limit :limit""")
                .param("q", q)
                .param("org", organisation)
                .param("pattern", pattern)
                .param("first", first)
                .param("limit", MAX_HITS)
                .query((rs, n) -> new Hit(
                        rs.getString(1),
                        rs.getTimestamp(2).toInstant(),
                        snippet(rs.getString(4), folded),
                        null,
                        rs.getString(3)))
                .list()
                .forEach(out::add);
        out.sort(java.util.Comparator.comparing(Hit::receivedAt).reversed());
        return out;
    }

    /** The words around the first match in {@code window}, the matched words between « and ». */
    static String snippet(String window, List<String> folded) {
        Folded f = Folded.of(window);
        List<int[]> marks = new ArrayList<>();
        for (String w : folded) {
            int at = f.wordStart(w);
            if (at >= 0) {
                marks.add(new int[] {f.original(at), f.original(at + w.length() - 1) + 1});
            }
        }
        if (marks.isEmpty()) {
            return shorten(window, 0, Math.min(window.length(), 2 * SNIPPET));
        }
        marks.sort(java.util.Comparator.comparingInt(m -> m[0]));
        int from = Math.max(0, marks.get(0)[0] - SNIPPET);
        int to = Math.min(window.length(), marks.get(0)[1] + SNIPPET);
        StringBuilder sb = new StringBuilder();
        int pos = from;
        for (int[] m : marks) {
            if (m[0] < pos || m[1] > to) {
                continue;
            }
            sb.append(window, pos, m[0]).append('«').append(window, m[0], m[1]).append('»');
            pos = m[1];
        }
        sb.append(window, pos, to);
        return (from > 0 ? "…" : "") + sb.toString().strip() + (to < window.length() ? "…" : "");
    }

    private static String shorten(String s, int from, int to) {
        return s.substring(from, to).strip() + (to < s.length() ? "…" : "");
    }

    /** A text folded as the database folds it (accents removed, lower case), with each folded char's original index. */
    record Folded(String text, int[] index) {

        static Folded of(String s) {
            StringBuilder out = new StringBuilder();
            List<Integer> index = new ArrayList<>();
            for (int i = 0; i < s.length(); i++) {
                String one = String.valueOf(s.charAt(i));
                String f = switch (one) {
                    case "œ", "Œ" -> "oe";
                    case "æ", "Æ" -> "ae";
                    case "ß" -> "ss";
                    default ->
                        Normalizer.normalize(one, Normalizer.Form.NFD)
                                .replaceAll("\\p{M}+", "")
                                .toLowerCase(Locale.ROOT);
                };
                for (int k = 0; k < f.length(); k++) {
                    out.append(f.charAt(k));
                    index.add(i);
                }
            }
            return new Folded(
                    out.toString(), index.stream().mapToInt(Integer::intValue).toArray());
        }

        int wordStart(String w) {
            int from = 0;
            while (true) {
                int at = text.indexOf(w, from);
                if (at < 0) {
                    return -1;
                }
                if (at == 0 || !(Character.isLetterOrDigit(text.charAt(at - 1)) || text.charAt(at - 1) == '_')) {
                    return at;
                }
                from = at + 1;
            }
        }

        int original(int foldedIndex) {
            return index[Math.min(foldedIndex, index.length - 1)];
        }
    }

    /** A text read from a report's file: {@code export} (one message) or {@code ocr} (one line, a machine reading). */
    record Text(String source, String fileSha256, int position, String body) {}

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
                    .params(
                            reportId,
                            organisation,
                            receipt,
                            java.sql.Timestamp.from(receivedAt),
                            t.source(),
                            t.fileSha256(),
                            t.position(),
                            t.body())
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
