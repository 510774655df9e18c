package org.filet.chatexport.telegram;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.filet.chatexport.ImportOptions;
import org.filet.chatexport.UnreadableExport;
import org.filet.chatexport.UnreadableExport.Reason;
import org.filet.chatexport.source.ExportFiles;
import org.filet.chatexport.util.JsonTree;
import org.filet.conversation.Conversation;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;

/**
 * Reads a large {@code result.json} as a stream: only one message is held as a tree at a time, so memory follows the
 * parsed conversations, not the size of the file. Gives the same conversations as {@link TelegramParser}.
 */
public final class TelegramStream {
    private TelegramStream() {}

    /** Whether the document is a Telegram export, judged from its top-level keys and its first message. */
    public static boolean sniff(String source, byte[] bytes, ImportOptions options) throws UnreadableExport {
        try (JsonParser p = open(bytes, options)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            Set<String> keys = new HashSet<>();
            Map<String, Object> firstMessage = null;
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = p.currentName();
                keys.add(name);
                JsonToken t = p.nextToken();
                if (name.equals("messages") && t == JsonToken.START_ARRAY) {
                    JsonToken first = p.nextToken();
                    if (first != JsonToken.END_ARRAY) {
                        firstMessage = JsonTree.obj(JsonTree.value(p, first));
                        p.skipChildren(); // no-op for scalars; the rest of the array is skipped below
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            p.skipChildren();
                        }
                    }
                } else {
                    p.skipChildren();
                }
            }
            if (keys.contains("chats")) {
                return true;
            }
            return keys.contains("messages")
                    && !keys.contains("participants")
                    && !keys.contains("guild")
                    && (firstMessage == null
                            ? keys.contains("type") && keys.contains("name")
                            : firstMessage.containsKey("date") || firstMessage.containsKey("date_unixtime"));
        } catch (JacksonException e) {
            throw JsonTree.refusal(source, e, options.limits());
        }
    }

    public static List<Conversation> parse(
            String source, byte[] bytes, @Nullable ExportFiles files, String folder, ImportOptions options)
            throws UnreadableExport {
        List<Conversation> out = new ArrayList<>();
        try (JsonParser p = open(bytes, options)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new UnreadableExport(source, Reason.MALFORMED, "a Telegram export is a JSON object");
            }
            TelegramChat top = null;
            String topName = null;
            String topType = null;
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String field = p.currentName();
                JsonToken t = p.nextToken();
                if ((field.equals("chats") || field.equals("left_chats")) && t == JsonToken.START_OBJECT) {
                    String variant = field.equals("chats") ? "desktop-json-full" : "desktop-json-full-left-chat";
                    while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                        String inner = p.currentName();
                        if (p.nextToken() == JsonToken.START_ARRAY && inner.equals("list")) {
                            JsonToken e;
                            while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
                                if (e == JsonToken.START_OBJECT) {
                                    out.add(chat(p, files, folder, options, variant));
                                } else {
                                    p.skipChildren();
                                }
                            }
                        } else {
                            p.skipChildren();
                        }
                    }
                } else if (field.equals("messages")) {
                    top = top == null ? new TelegramChat(files, folder, options) : top;
                    messages(p, t, top);
                } else if (field.equals("name") && t == JsonToken.VALUE_STRING) {
                    topName = p.getString();
                } else if (field.equals("type") && t == JsonToken.VALUE_STRING) {
                    topType = p.getString();
                } else {
                    p.skipChildren();
                }
            }
            if (p.nextToken() != null) {
                throw new UnreadableExport(source, Reason.MALFORMED, "data after the end of the JSON document");
            }
            if (top != null) {
                out.add(0, top.finish("desktop-json", topName, topType));
            }
            return out;
        } catch (JacksonException e) {
            throw JsonTree.refusal(source, e, options.limits());
        }
    }

    private static JsonParser open(byte[] bytes, ImportOptions options) {
        int off = JsonTree.bomLength(bytes);
        return JsonTree.factory(options.limits())
                .createParser(ObjectReadContext.empty(), bytes, off, bytes.length - off);
    }

    /** Reads one chat object; the parser is just after its START_OBJECT. */
    private static Conversation chat(
            JsonParser p, @Nullable ExportFiles files, String folder, ImportOptions options, String variant)
            throws UnreadableExport {
        TelegramChat chat = new TelegramChat(files, folder, options);
        String name = null;
        String type = null;
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String field = p.currentName();
            JsonToken t = p.nextToken();
            if (field.equals("messages")) {
                messages(p, t, chat);
            } else if (field.equals("name") && t == JsonToken.VALUE_STRING) {
                name = p.getString();
            } else if (field.equals("type") && t == JsonToken.VALUE_STRING) {
                type = p.getString();
            } else {
                p.skipChildren();
            }
        }
        return chat.finish(variant, name, type);
    }

    private static void messages(JsonParser p, JsonToken t, TelegramChat chat) throws UnreadableExport {
        if (t != JsonToken.START_ARRAY) {
            p.skipChildren();
            return;
        }
        JsonToken e;
        while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
            chat.add(JsonTree.value(p, e));
        }
    }
}
