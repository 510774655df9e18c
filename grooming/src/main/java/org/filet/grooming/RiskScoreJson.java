package org.filet.grooming;

import java.io.IOException;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.filet.conversation.Conversation;
import org.filet.conversation.Message;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Writes a {@link RiskScore} as one line of JSON: {@code conversation}, {@code score}, {@code threshold} (the operating threshold), {@code level},
 * {@code language}, {@code levelPrecision} (the share of true cases measured at this level, null when not
 * measured), {@code firstAlertIndex} (null when no alert), {@code signals} [{@code signal}, {@code stage},
 * {@code sevenP}, {@code chatCoder}, {@code evidence} [{@code index}, {@code text}]], {@code urgency} [{@code rule}, {@code reason},
 * {@code messageIndexes}]. Evidence texts are included only when asked for (the output then holds chat text and
 * must be handled as evidence).
 */
public final class RiskScoreJson {

    private static final JsonFactory JSON = new JsonFactory();

    private RiskScoreJson() {}

    public static void write(String id, Conversation conversation, RiskScore score, boolean withTexts, Appendable out)
            throws IOException {
        Map<Integer, String> texts = new HashMap<>();
        if (withTexts) {
            for (Message m : conversation.messages()) {
                texts.put(m.index(), m.text());
            }
        }
        StringWriter w = new StringWriter(512);
        try (JsonGenerator g = JSON.createGenerator(ObjectWriteContext.empty(), w)) {
            g.writeStartObject();
            g.writeStringProperty("conversation", id);
            g.writeNumberProperty("score", Math.round(score.score() * 10000) / 10000.0);
            g.writeNumberProperty("threshold", Math.round(score.threshold() * 10000) / 10000.0);
            g.writeStringProperty("level", score.level().name());
            g.writeStringProperty("language", score.language().name().toLowerCase(Locale.ROOT));
            if (score.levelPrecision().isPresent()) {
                g.writeNumberProperty(
                        "levelPrecision", Math.round(score.levelPrecision().getAsDouble() * 1000) / 1000.0);
            } else {
                g.writeNullProperty("levelPrecision");
            }
            if (score.firstAlertIndex().isPresent()) {
                g.writeNumberProperty("firstAlertIndex", score.firstAlertIndex().getAsInt());
            } else {
                g.writeNullProperty("firstAlertIndex");
            }
            g.writeArrayPropertyStart("signals");
            for (SignalEvidence e : score.signals()) {
                g.writeStartObject();
                g.writeStringProperty("signal", e.signal().name());
                g.writeStringProperty("stage", e.signal().stage().name());
                g.writeStringProperty("sevenP", e.signal().sevenP());
                g.writeStringProperty("chatCoder", e.signal().chatCoder());
                g.writeArrayPropertyStart("evidence");
                for (int index : e.messageIndexes()) {
                    g.writeStartObject();
                    g.writeNumberProperty("index", index);
                    if (withTexts) {
                        g.writeStringProperty("text", texts.get(index));
                    }
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayPropertyStart("urgency");
            for (UrgencyReason u : score.urgencies()) {
                g.writeStartObject();
                g.writeStringProperty("rule", u.rule().name());
                g.writeStringProperty("reason", u.reason());
                g.writeArrayPropertyStart("messageIndexes");
                for (int index : u.messageIndexes()) {
                    g.writeNumber(index);
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        out.append(w.getBuffer()).append('\n');
    }

    static List<String> fieldNames() {
        return List.of(
                "conversation",
                "score",
                "threshold",
                "level",
                "language",
                "levelPrecision",
                "firstAlertIndex",
                "signals",
                "urgency");
    }
}
