package org.filet.server.triage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the report page and the staff API show of triage: the model's level with what it means, the urgency reasons
 * apart, each with the words that tripped it and where they came from (the description, the pasted messages, an
 * export, or a machine reading of a screenshot — then the picture and the line's box in it), and per conversation the
 * signals found with the messages that carry them, so that those messages can be highlighted.
 */
@Component
public class TriageView {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final Queue queue;

    TriageView(Queue queue) {
        this.queue = queue;
    }

    /** A report's triage for its page; empty until scored. */
    public record View(
            Queue.Triage triage, List<ConversationSignals> conversations, List<Reason> reasons, String language) {
        /** Signals by message index for one conversation id ({@code messages}, or {@code <parse sha>#<n>}). */
        public Map<Integer, List<String>> highlights(String conversation) {
            return conversations.stream()
                    .filter(c -> c.id().equals(conversation))
                    .findFirst()
                    .map(ConversationSignals::byMessage)
                    .orElse(Map.of());
        }

        /** About how many in ten conversations at this level were confirmed cases in the measurement data. */
        public OptionalInt inTen() {
            return LevelMeaning.inTen(triage.level(), language);
        }

        /** Whether any signal or rule came from a machine reading (OCR) of a screenshot. */
        public boolean fromMachineReading() {
            return conversations.stream()
                    .anyMatch(c -> c.source().equals("ocr")
                            && (!c.signals().isEmpty() || !c.urgencies().isEmpty()));
        }
    }

    /**
     * One scored conversation: its id, where it came from ({@code description}, {@code pasted}, {@code export},
     * {@code ocr}), the original file and the derived artefact (null for the form's texts), risk, level, first alert,
     * which signals each message carries, and the words of the messages cited.
     */
    public record ConversationSignals(
            String id,
            String source,
            String file,
            String derived,
            double risk,
            String level,
            String language,
            Integer firstAlert,
            Map<Integer, List<String>> byMessage,
            List<String> signals,
            List<String> urgencies,
            Map<Integer, Evidence> evidence) {}

    /** A message (or OCR line) cited by a signal or rule; the box and confidence only for a machine reading. */
    public record Evidence(int message, String text, Box box, Integer confidence) {}

    /** Where a line sits in its picture, in pixels. */
    public record Box(int left, int top, int width, int height) {}

    /** An urgency reason and every place it was found. */
    public record Reason(String rule, List<Source> sources) {}

    /**
     * Where a reason was found: {@code reporter} (the form's immediate-danger answer), {@code description},
     * {@code pasted}, {@code export} or {@code ocr}; the file's SHA-256 for exports and screenshots; the derived
     * artefact (parse or OCR reading); the messages with their words.
     */
    public record Source(String source, String file, String derived, String conversation, List<Evidence> evidence) {
        public boolean machineReading() {
            return source.equals("ocr");
        }
    }

    public List<Queue.Override> overrides(UUID reportId) {
        return queue.overrides(reportId);
    }

    public Optional<View> of(UUID reportId) {
        return queue.triage(reportId).map(t -> {
            List<ConversationSignals> conversations = parse(t.explanation());
            return new View(t, conversations, reasons(t.reasons(), conversations), leading(conversations));
        });
    }

    static List<Reason> reasons(List<String> rules, List<ConversationSignals> conversations) {
        Map<String, List<Source>> byRule = new LinkedHashMap<>();
        for (String rule : rules) {
            byRule.put(rule, new ArrayList<>());
        }
        byRule.computeIfPresent("immediate-danger-reported", (k, v) -> {
            v.add(new Source("reporter", null, null, null, List.of()));
            return v;
        });
        for (ConversationSignals c : conversations) {
            for (String rule : c.urgencies()) {
                List<Evidence> evidence = c.byMessage().entrySet().stream()
                        .filter(e -> e.getValue().contains("urgent:" + rule))
                        .map(e -> c.evidence().get(e.getKey()))
                        .filter(java.util.Objects::nonNull)
                        .toList();
                byRule.computeIfAbsent(rule, k -> new ArrayList<>())
                        .add(new Source(c.source(), c.file(), c.derived(), c.id(), evidence));
            }
        }
        return byRule.entrySet().stream()
                .map(e -> new Reason(e.getKey(), List.copyOf(e.getValue())))
                .toList();
    }

    /** The language of the conversation that gave the report its risk (what the level's meaning depends on). */
    static String leading(List<ConversationSignals> conversations) {
        return conversations.stream()
                .max(java.util.Comparator.comparingDouble(ConversationSignals::risk))
                .map(ConversationSignals::language)
                .orElse(null);
    }

    static String leadingLanguage(String explanation) {
        return leading(parse(explanation));
    }

    static List<ConversationSignals> parse(String explanation) {
        JsonNode root = JSON.readTree(explanation);
        return root.valueStream()
                .map(c -> {
                    Map<Integer, List<String>> byMessage = new TreeMap<>();
                    List<String> signals = new ArrayList<>();
                    for (JsonNode s : c.get("signals")) {
                        String name = s.get("signal").asString();
                        signals.add(name);
                        for (JsonNode i : s.get("messages")) {
                            byMessage
                                    .computeIfAbsent(i.asInt(), k -> new ArrayList<>())
                                    .add(name);
                        }
                    }
                    List<String> urgencies = new ArrayList<>();
                    for (JsonNode u : c.get("urgencies")) {
                        String rule = u.get("rule").asString();
                        urgencies.add(rule);
                        for (JsonNode i : u.get("messages")) {
                            byMessage
                                    .computeIfAbsent(i.asInt(), k -> new ArrayList<>())
                                    .add("urgent:" + rule);
                        }
                    }
                    Map<Integer, Evidence> evidence = new TreeMap<>();
                    if (c.has("evidence")) {
                        for (JsonNode e : c.get("evidence")) {
                            Box box = e.has("left")
                                    ? new Box(
                                            e.get("left").asInt(),
                                            e.get("top").asInt(),
                                            e.get("width").asInt(),
                                            e.get("height").asInt())
                                    : null;
                            evidence.put(
                                    e.get("message").asInt(),
                                    new Evidence(
                                            e.get("message").asInt(),
                                            e.get("text").asString(),
                                            box,
                                            e.has("confidence")
                                                    ? e.get("confidence").asInt()
                                                    : null));
                        }
                    }
                    String id = c.get("conversation").asString();
                    String source = c.has("source")
                            ? c.get("source").asString()
                            : id.equals("messages") ? "pasted" : id.equals("description") ? "description" : "export";
                    String derived = c.has("ocr")
                            ? c.get("ocr").asString()
                            : c.has("parse") ? c.get("parse").asString() : null;
                    return new ConversationSignals(
                            id,
                            source,
                            c.has("file") ? c.get("file").asString() : null,
                            derived,
                            c.get("risk").asDouble(),
                            c.get("level").asString(),
                            c.has("language") ? c.get("language").asString() : null,
                            c.has("firstAlert") ? c.get("firstAlert").asInt() : null,
                            new HashMap<>(byMessage),
                            List.copyOf(signals),
                            List.copyOf(urgencies),
                            evidence);
                })
                .toList();
    }
}
