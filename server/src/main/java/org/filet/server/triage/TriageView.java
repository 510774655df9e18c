package org.filet.server.triage;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the report page shows of triage: the level, the risk, the urgency reasons, and per conversation the signals
 * found with the messages that carry them, so that those messages can be highlighted.
 */
@Component
public class TriageView {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final Queue queue;

    TriageView(Queue queue) {
        this.queue = queue;
    }

    /** A report's triage for its page; empty until scored. */
    public record View(Queue.Triage triage, List<ConversationSignals> conversations) {
        /** Signals by message index for one conversation id ({@code messages}, or {@code <parse sha>#<n>}). */
        public Map<Integer, List<String>> highlights(String conversation) {
            return conversations.stream().filter(c -> c.id().equals(conversation)).findFirst()
                    .map(ConversationSignals::byMessage).orElse(Map.of());
        }
    }

    /** One scored conversation: its id, risk, level, first alert, and which signals each message carries. */
    public record ConversationSignals(String id, double risk, String level, Integer firstAlert,
                                      Map<Integer, List<String>> byMessage, List<String> signals, List<String> urgencies) {
    }

    public List<Queue.Override> overrides(UUID reportId) {
        return queue.overrides(reportId);
    }

    public Optional<View> of(UUID reportId) {
        return queue.triage(reportId).map(t -> new View(t, parse(t.explanation())));
    }

    static List<ConversationSignals> parse(String explanation) {
        JsonNode root = JSON.readTree(explanation);
        return root.valueStream().map(c -> {
            Map<Integer, List<String>> byMessage = new TreeMap<>();
            List<String> signals = new java.util.ArrayList<>();
            for (JsonNode s : c.get("signals")) {
                String name = s.get("signal").asString();
                signals.add(name);
                for (JsonNode i : s.get("messages")) {
                    byMessage.computeIfAbsent(i.asInt(), k -> new java.util.ArrayList<>()).add(name);
                }
            }
            List<String> urgencies = new java.util.ArrayList<>();
            for (JsonNode u : c.get("urgencies")) {
                String rule = u.get("rule").asString();
                urgencies.add(rule);
                for (JsonNode i : u.get("messages")) {
                    byMessage.computeIfAbsent(i.asInt(), k -> new java.util.ArrayList<>()).add("urgent:" + rule);
                }
            }
            return new ConversationSignals(c.get("conversation").asString(), c.get("risk").asDouble(),
                    c.get("level").asString(), c.has("firstAlert") ? c.get("firstAlert").asInt() : null,
                    new HashMap<>(byMessage), List.copyOf(signals), List.copyOf(urgencies));
        }).toList();
    }
}
