package org.filet.grooming;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.filet.conversation.Conversation;
import org.filet.conversation.Message;
import org.filet.conversation.MessageKind;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Reads conversations to score: the normalised conversation JSON Lines of the chatexport module (one object per
 * conversation with {@code format}, {@code participants}, {@code messages} [{@code index}, {@code kind},
 * {@code sender}, {@code text}, ...], {@code missing}, {@code warnings}; unknown fields are ignored), or plain
 * text with one message per line. Message indexes must count from 0 in order, as in every conversation; messages
 * without text (media, calls) are kept, and the scorer skips them.
 *
 * <p>Optional extensions for labelled sets: a top-level {@code label} (0/1 or boolean), {@code id}, and
 * {@code childAge}.
 */
public final class ConversationReader {

    private static final JsonFactory JSON = new JsonFactory();

    /**
     * A conversation read from JSON, with its {@code id} (given or made from the prefix), what is known of its people
     * (the child's age) and its label when the object carried one.
     */
    public record Labelled(
            String id,
            Conversation conversation,
            Roles roles,
            @Nullable Boolean label) {
        /** An unlabelled-roles conversation, as the training sets give them. */
        public Labelled(String id, Conversation conversation, @Nullable Boolean label) {
            this(id, conversation, Roles.NONE, label);
        }
    }

    private ConversationReader() {}

    /** Whether the text looks like JSON Lines (its first non-blank character is an opening brace). */
    public static boolean looksLikeJson(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c) && c != '\uFEFF') {
                return c == '{';
            }
        }
        return false;
    }

    /** Plain text: one message per non-empty line, indexed by line order from 0, sender unknown. */
    public static Conversation plainText(Reader in) throws IOException {
        BufferedReader reader = new BufferedReader(in);
        List<String> lines = new ArrayList<>();
        String line;
        while ((line = reader.readLine()) != null) {
            if (!line.isBlank()) {
                lines.add(line.strip());
            }
        }
        return Conversation.ofLines(lines);
    }

    /** Every JSON object in the stream, in order; {@code idPrefix} names conversations without an {@code id}. */
    public static List<Labelled> jsonLines(String idPrefix, Reader in) throws ConversationUnreadable {
        List<Labelled> out = new ArrayList<>();
        try (JsonParser p = JSON.createParser(ObjectReadContext.empty(), in)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t != JsonToken.START_OBJECT) {
                    throw new ConversationUnreadable("conversation " + (out.size() + 1) + ": expected a JSON object");
                }
                out.add(conversation(p, idPrefix + "#" + (out.size() + 1), out.size() + 1));
            }
        } catch (JacksonException e) {
            throw new ConversationUnreadable("conversation " + (out.size() + 1) + ": malformed JSON at line "
                    + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr());
        }
        return out;
    }

    private static Labelled conversation(JsonParser p, String defaultId, int number) throws ConversationUnreadable {
        String id = defaultId;
        @Nullable Boolean label = null;
        int childAge = -1;
        @Nullable List<Message> messages = null;
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            switch (name) {
                case "messages" -> messages = messages(p, number);
                case "id" -> id = value == JsonToken.VALUE_STRING ? p.getString() : id;
                case "label" -> label = label(p, value, number);
                case "childAge" -> childAge = value == JsonToken.VALUE_NUMBER_INT ? p.getIntValue() : -1;
                default -> p.skipChildren();
            }
        }
        if (messages == null) {
            throw new ConversationUnreadable("conversation " + number + ": no messages array");
        }
        Roles roles = childAge >= 0 && childAge <= 17 ? Roles.NONE.withChildAge(childAge) : Roles.NONE;
        return new Labelled(id, Conversation.of(messages), roles, label);
    }

    private static Boolean label(JsonParser p, JsonToken value, int number) throws ConversationUnreadable {
        if (value == JsonToken.VALUE_TRUE || value == JsonToken.VALUE_FALSE) {
            return value == JsonToken.VALUE_TRUE;
        }
        if (value == JsonToken.VALUE_NUMBER_INT && (p.getIntValue() == 0 || p.getIntValue() == 1)) {
            return p.getIntValue() == 1;
        }
        throw new ConversationUnreadable("conversation " + number + ": label must be 0, 1, true or false");
    }

    private static List<Message> messages(JsonParser p, int number) throws ConversationUnreadable {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw new ConversationUnreadable("conversation " + number + ": messages must be an array");
        }
        List<Message> out = new ArrayList<>();
        BitSet seen = new BitSet();
        while (p.nextToken() == JsonToken.START_OBJECT) {
            int index = -1;
            @Nullable String sender = null;
            @Nullable String text = null;
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                switch (name) {
                    case "index" -> index = value == JsonToken.VALUE_NUMBER_INT ? p.getIntValue() : -1;
                    case "sender" -> sender = value == JsonToken.VALUE_STRING ? p.getString() : null;
                    case "text" -> text = value == JsonToken.VALUE_STRING ? p.getString() : null;
                    default -> p.skipChildren();
                }
            }
            if (index < 0) {
                throw new ConversationUnreadable(
                        "conversation " + number + ", message " + (out.size() + 1) + ": index must be an integer >= 0");
            }
            if (seen.get(index)) {
                throw new ConversationUnreadable("conversation " + number + ": duplicate message index " + index);
            }
            seen.set(index);
            if (index != out.size()) {
                throw new ConversationUnreadable(
                        "conversation " + number + ": message indexes must count from 0 in order (" + index
                                + " at position " + out.size() + ")");
            }
            out.add(Message.builder(index, MessageKind.MESSAGE)
                    .sender(sender)
                    .text(text)
                    .build());
        }
        if (p.currentToken() != JsonToken.END_ARRAY) {
            throw new ConversationUnreadable("conversation " + number + ": messages must hold objects");
        }
        return out;
    }
}
