package org.filet.server.triage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.filet.server.evidence.documents.ExportSummary;
import org.filet.server.evidence.documents.PackageContent;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Adds a report's triage result to its package: the level, the risk, the urgency rules that fired, every signal with
 * the messages that carry it, and analysts' overrides with their reasons.
 */
@Component
class TriageInPackage implements PackageContent {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final Queue queue;

    TriageInPackage(Queue queue) {
        this.queue = queue;
    }

    @Override
    public void contribute(UUID report, UUID organisation, Map<UUID, String> packaged, ExportSummary.Additions into) {
        queue.triage(report).ifPresent(t -> {
            List<ExportSummary.Signal> signals = new ArrayList<>();
            for (JsonNode c : JSON.readTree(t.explanation())) {
                String conversation = c.get("conversation").asString();
                for (JsonNode s : c.get("signals")) {
                    signals.add(new ExportSummary.Signal(
                            conversation, s.get("signal").asString(), false, indexes(s)));
                }
                for (JsonNode u : c.get("urgencies")) {
                    signals.add(
                            new ExportSummary.Signal(conversation, u.get("rule").asString(), true, indexes(u)));
                }
            }
            List<ExportSummary.Override> overrides = queue.overrides(report).stream()
                    .map(o -> new ExportSummary.Override("user:" + o.user(), o.at(), o.priority(), o.reason()))
                    .toList();
            into.triage(new ExportSummary.Triage(
                    t.level(), t.risk(), t.urgent(), t.reasons(), t.scoredAt(), t.scorer(), signals, overrides));
        });
    }

    private static List<Integer> indexes(JsonNode node) {
        List<Integer> out = new ArrayList<>();
        for (JsonNode i : node.get("messages")) {
            out.add(i.asInt());
        }
        return out;
    }
}
