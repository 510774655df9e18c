package org.filet.server.linking;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The network around a report: the reports reachable through shared identifiers (not common, within the per-value
 * cap) and matching pictures, breadth first, bounded to {@link #MAX_REPORTS} reports; with every edge explained.
 * Drawn server-side as SVG (no script, no outside library).
 */
@Component
public class NetworkView {

    static final int MAX_REPORTS = 60;

    private final JdbcClient jdbc;

    NetworkView(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A node: a report (its receipt) or an identifier/picture (its label). */
    public record Node(String id, String label, String kind, double x, double y) {}

    /** An edge between a report and what it carries. */
    public record Edge(String from, String to) {}

    public record Network(List<Node> nodes, List<Edge> edges, int reports, boolean truncated) {}

    public Network around(UUID reportId, UUID organisation) {
        Map<UUID, String> reports = new LinkedHashMap<>();
        Map<String, String> things = new LinkedHashMap<>(); // key -> label
        Set<Edge> edges = new LinkedHashSet<>();
        Deque<UUID> queue = new ArrayDeque<>();
        queue.add(reportId);
        boolean truncated = false;
        while (!queue.isEmpty()) {
            UUID r = queue.poll();
            if (reports.containsKey(r)) {
                continue;
            }
            if (reports.size() >= MAX_REPORTS) {
                truncated = true;
                break;
            }
            String receipt = jdbc.sql("select receipt from report where id = ? and organisation = ?")
                    .params(r, organisation)
                    .query(String.class)
                    .optional()
                    .orElse(null);
            if (receipt == null) {
                continue;
            }
            reports.put(r, receipt);
            for (var row : jdbc.sql("""
                            select me.key, o.report_id from report_identifier me
                            left join report_identifier o on o.key = me.key and o.report_id <> me.report_id and not o.common
                            where me.report_id = ? and not me.common
                              and (select count(*) from (select 1 from report_identifier x where x.key = me.key and not x.common
                                                         limit ?) capped) <= ?""")
                    .params(r, Links.PER_VALUE_CAP + 1, Links.PER_VALUE_CAP)
                    .query((rs, n) -> new Object[] {rs.getString(1), rs.getObject(2, UUID.class)})
                    .list()) {
                String key = (String) row[0];
                things.putIfAbsent(key, label(key));
                edges.add(new Edge(receipt, key));
                if (row[1] != null) {
                    queue.add((UUID) row[1]);
                }
            }
            for (var row : jdbc.sql("select file_sha256, matched_report_id from media_match where report_id = ?")
                    .param(r)
                    .query((rs, n) -> new Object[] {rs.getString(1).trim(), rs.getObject(2, UUID.class)})
                    .list()) {
                String key = "PICTURE/" + row[0];
                things.putIfAbsent(key, "image " + ((String) row[0]).substring(0, 8));
                edges.add(new Edge(receipt, key));
                queue.add((UUID) row[1]);
            }
        }
        // a matched picture of another report: join both reports to the first picture's node
        List<Node> nodes = layout(new ArrayList<>(reports.values()), things);
        return new Network(nodes, new ArrayList<>(edges), reports.size(), truncated);
    }

    private static String label(String key) {
        String[] parts = key.split("/", 3);
        return parts.length == 3 ? (parts[1].isEmpty() ? parts[0].toLowerCase() : parts[1]) + " " + parts[2] : key;
    }

    /** Reports on an inner circle, what they carry on an outer one: readable without any layout engine. */
    static List<Node> layout(List<String> reports, Map<String, String> things) {
        List<Node> nodes = new ArrayList<>();
        double cx = 400, cy = 300;
        for (int i = 0; i < reports.size(); i++) {
            double a = 2 * Math.PI * i / Math.max(1, reports.size());
            double radius = reports.size() == 1 ? 0 : 140;
            nodes.add(new Node(
                    reports.get(i), reports.get(i), "report", cx + radius * Math.cos(a), cy + radius * Math.sin(a)));
        }
        int i = 0;
        for (var e : things.entrySet()) {
            double a = 2 * Math.PI * i++ / Math.max(1, things.size()) + 0.3;
            nodes.add(new Node(
                    e.getKey(),
                    e.getValue(),
                    e.getKey().startsWith("PICTURE/") ? "picture" : "identifier",
                    cx + 260 * Math.cos(a),
                    cy + 260 * Math.sin(a)));
        }
        return nodes;
    }
}
