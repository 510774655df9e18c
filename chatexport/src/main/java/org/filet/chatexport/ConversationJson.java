package org.filet.chatexport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.filet.chatexport.util.JsonTree;
import org.filet.conversation.Attachment;
import org.filet.conversation.ChatFormat;
import org.filet.conversation.Conversation;
import org.filet.conversation.Message;
import org.filet.conversation.MessageFlag;
import org.filet.conversation.MessageKind;
import org.filet.conversation.Participant;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;

/**
 * The JSON Lines contract for conversations (one object per line). Field names: {@code format}, {@code variant},
 * {@code title}, {@code participants} [{@code name}, {@code id}, {@code phone}], {@code messages} [{@code index},
 * {@code kind}, {@code sender}, {@code senderId}, {@code text}, {@code at}, {@code local}, {@code instant} (ISO-8601
 * UTC or null), {@code zone}, {@code attachments} [{@code path}, {@code sha256}], {@code edited}, {@code flags},
 * {@code position}], {@code missing}, {@code warnings}. Readers must ignore fields they do not know.
 */
public final class ConversationJson {
    private static final ImportLimits READ_LIMITS = ImportLimits.DEFAULT;

    private ConversationJson() {}

    /** Writes one conversation as a single line of JSON followed by '\n'. */
    public static void write(Conversation c, Appendable out) throws IOException {
        StringWriter w = new StringWriter(256 + c.messages().size() * 160);
        try (JsonGenerator g = JsonTree.factory(READ_LIMITS).createGenerator(ObjectWriteContext.empty(), w)) {
            g.writeStartObject();
            g.writeStringProperty("format", c.format().jsonName());
            g.writeStringProperty("variant", c.variant());
            nullable(g, "title", c.title());
            g.writeArrayPropertyStart("participants");
            for (Participant p : c.participants()) {
                g.writeStartObject();
                g.writeStringProperty("name", p.displayName());
                nullable(g, "id", p.stableId());
                nullable(g, "phone", p.phone());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayPropertyStart("messages");
            for (Message m : c.messages()) {
                message(g, m);
            }
            g.writeEndArray();
            strings(g, "missing", c.missing());
            strings(g, "warnings", c.warnings());
            g.writeEndObject();
        }
        out.append(w.getBuffer()).append('\n');
    }

    public static String toJson(Conversation c) {
        StringBuilder b = new StringBuilder();
        try {
            write(c, b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return b.substring(0, b.length() - 1);
    }

    private static void message(JsonGenerator g, Message m) {
        g.writeStartObject();
        g.writeNumberProperty("index", m.index());
        g.writeStringProperty("kind", m.kind().jsonName());
        nullable(g, "sender", m.sender());
        nullable(g, "senderId", m.senderId());
        nullable(g, "text", m.text());
        nullable(g, "at", m.at());
        nullable(g, "local", m.local() == null ? null : m.local().toString());
        nullable(g, "instant", m.instant() == null ? null : m.instant().toString());
        nullable(g, "zone", m.zone());
        g.writeArrayPropertyStart("attachments");
        for (Attachment a : m.attachments()) {
            g.writeStartObject();
            g.writeStringProperty("path", a.path());
            nullable(g, "sha256", a.sha256());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeBooleanProperty("edited", m.edited());
        g.writeArrayPropertyStart("flags");
        for (MessageFlag f : MessageFlag.values()) {
            if (m.has(f)) {
                g.writeString(f.jsonName());
            }
        }
        g.writeEndArray();
        nullable(g, "position", m.position());
        g.writeEndObject();
    }

    private static void nullable(JsonGenerator g, String name, @Nullable String v) {
        if (v == null) {
            g.writeNullProperty(name);
        } else {
            g.writeStringProperty(name, v);
        }
    }

    private static void strings(JsonGenerator g, String name, List<String> values) {
        g.writeArrayPropertyStart(name);
        for (String s : values) {
            g.writeString(s);
        }
        g.writeEndArray();
    }

    /** Reads every non-blank line as one conversation. */
    public static List<Conversation> readAll(Reader in) throws IOException, UnreadableExport {
        List<Conversation> out = new ArrayList<>();
        BufferedReader r = in instanceof BufferedReader br ? br : new BufferedReader(in);
        String line;
        int n = 0;
        while ((line = r.readLine()) != null) {
            n++;
            if (!line.isBlank()) {
                out.add(read(line, "conversation line " + n));
            }
        }
        return out;
    }

    /** Reads one conversation object written by {@link #write}, made storable ({@link StorableText}). */
    public static Conversation read(String json, String source) throws UnreadableExport {
        Map<String, Object> o =
                JsonTree.obj(JsonTree.parse(source, json.getBytes(StandardCharsets.UTF_8), READ_LIMITS));
        if (o == null) {
            throw new UnreadableExport(source, UnreadableExport.Reason.MALFORMED, "not a JSON object");
        }
        try {
            List<Participant> ps = new ArrayList<>();
            for (Object p : JsonTree.list(o.get("participants"))) {
                Map<String, Object> pm = JsonTree.obj(p);
                ps.add(new Participant(require(pm, "name"), JsonTree.str(pm, "id"), JsonTree.str(pm, "phone")));
            }
            List<Message> ms = new ArrayList<>();
            for (Object m : JsonTree.list(o.get("messages"))) {
                ms.add(message(JsonTree.obj(m)));
            }
            return StorableText.clean(new Conversation(
                    ChatFormat.fromJsonName(require(o, "format")),
                    require(o, "variant"),
                    JsonTree.str(o, "title"),
                    ps,
                    ms,
                    strings(o.get("missing")),
                    strings(o.get("warnings"))));
        } catch (IllegalArgumentException | NullPointerException | DateTimeParseException e) {
            throw new UnreadableExport(
                    source,
                    UnreadableExport.Reason.MALFORMED,
                    "not a conversation (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static Message message(@Nullable Map<String, Object> m) {
        Long index = JsonTree.lng(m, "index");
        Message.Builder b =
                Message.builder(index == null ? -1 : index.intValue(), MessageKind.fromJsonName(require(m, "kind")));
        b.sender(JsonTree.str(m, "sender"))
                .senderId(JsonTree.str(m, "senderId"))
                .text(JsonTree.str(m, "text"))
                .at(JsonTree.str(m, "at"))
                .zone(JsonTree.str(m, "zone"))
                .position(JsonTree.str(m, "position"));
        String local = JsonTree.str(m, "local");
        b.local(local == null ? null : LocalDateTime.parse(local));
        String instant = JsonTree.str(m, "instant");
        b.instant(instant == null ? null : Instant.parse(instant));
        for (Object a : JsonTree.list(m == null ? null : m.get("attachments"))) {
            Map<String, Object> am = JsonTree.obj(a);
            b.attachment(new Attachment(require(am, "path"), JsonTree.str(am, "sha256")));
        }
        if (JsonTree.bool(m, "edited")) {
            b.flag(MessageFlag.EDITED);
        }
        for (String f : strings(m == null ? null : m.get("flags"))) {
            b.flag(MessageFlag.fromJsonName(f));
        }
        return b.build();
    }

    private static String require(@Nullable Map<String, Object> m, String key) {
        String v = JsonTree.str(m, key);
        if (v == null) {
            throw new IllegalArgumentException("missing field " + key);
        }
        return v;
    }

    private static List<String> strings(@Nullable Object o) {
        List<String> out = new ArrayList<>();
        for (Object s : JsonTree.list(o)) {
            if (s instanceof String str) {
                out.add(str);
            }
        }
        return out;
    }
}
