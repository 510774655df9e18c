package org.filet.chatexport.telegram;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.filet.chatexport.ImportOptions;
import org.filet.chatexport.UnreadableExport;
import org.filet.chatexport.source.ExportFiles;
import org.filet.chatexport.util.JsonTree;
import org.filet.chatexport.util.Warnings;
import org.filet.conversation.Conversation;
import org.filet.conversation.Message;
import org.jspecify.annotations.Nullable;

/**
 * Telegram Desktop JSON (CHAT-FORMATS.md 3). {@code date_unixtime} gives the instant when present; {@code date} is
 * the exporting computer's local time without a zone and is kept as written. {@code text} may be a string or an
 * array of strings and entity objects; their texts are concatenated without separators.
 */
public final class TelegramParser {

    private TelegramParser() {}

    public static boolean looksLikeTelegram(Map<String, Object> o) {
        if (JsonTree.obj(o.get("chats")) != null) {
            return true;
        }
        List<Object> ms = JsonTree.list(o.get("messages"));
        if (!(o.get("messages") instanceof List) || o.containsKey("participants") || o.containsKey("guild")) {
            return false;
        }
        if (ms.isEmpty()) {
            return o.containsKey("type") && o.containsKey("name");
        }
        Map<String, Object> m = JsonTree.obj(ms.get(0));
        return m != null && (m.containsKey("date") || m.containsKey("date_unixtime"));
    }

    /** Requires a parsed result.json; {@code folder} is its folder within the export. */
    public static List<Conversation> parse(
            Map<String, Object> root, @Nullable ExportFiles files, String folder, ImportOptions options)
            throws UnreadableExport {
        List<Conversation> out = new ArrayList<>();
        Map<String, Object> chats = JsonTree.obj(root.get("chats"));
        if (chats == null) {
            out.add(chat(root, files, folder, options, "desktop-json"));
            return out;
        }
        for (Object c : JsonTree.list(chats.get("list"))) {
            Map<String, Object> chat = JsonTree.obj(c);
            if (chat != null) {
                out.add(chat(chat, files, folder, options, "desktop-json-full"));
            }
        }
        Map<String, Object> left = JsonTree.obj(root.get("left_chats"));
        for (Object c : JsonTree.list(left == null ? null : left.get("list"))) {
            Map<String, Object> chat = JsonTree.obj(c);
            if (chat != null) {
                out.add(chat(chat, files, folder, options, "desktop-json-full-left-chat"));
            }
        }
        return out;
    }

    private static Conversation chat(
            Map<String, Object> chat, @Nullable ExportFiles files, String folder, ImportOptions options, String variant)
            throws UnreadableExport {
        TelegramChat c = new TelegramChat(files, folder, options);
        for (Object m : JsonTree.list(chat.get("messages"))) {
            c.add(m);
        }
        return c.finish(variant, JsonTree.str(chat, "name"), JsonTree.str(chat, "type"));
    }

    static void time(Map<String, Object> m, Message.Builder b, ImportOptions options, int i, Warnings warnings) {
        String date = JsonTree.str(m, "date");
        Long unix = JsonTree.lng(m, "date_unixtime");
        LocalDateTime local = null;
        if (date != null) {
            try {
                local = LocalDateTime.parse(date);
            } catch (DateTimeParseException e) {
                warnings.add("messages[" + i + "]: 'date' is not an ISO local date-time; kept as written");
            }
        }
        b.at(date != null ? date : unix == null ? null : Long.toString(unix)).local(local);
        if (unix != null) {
            b.instant(Instant.ofEpochSecond(unix)).zone("UTC (date_unixtime in the export)");
        } else if (local != null && options.assumedZone() != null) {
            b.instant(local.atZone(options.assumedZone()).toInstant())
                    .zone(options.assumedZone().getId() + " (assumed, given with the upload)");
        } else {
            b.zone("unknown: Telegram 'date' is the exporting computer's local time without a zone");
        }
    }

    static @Nullable String idOf(@Nullable Object id) {
        if (id instanceof String s) {
            return s;
        }
        return id instanceof Long l ? l.toString() : null;
    }

    static @Nullable String text(@Nullable Object t) {
        if (t == null) {
            return null;
        }
        if (t instanceof String s) {
            return s;
        }
        StringBuilder b = new StringBuilder();
        for (Object part : JsonTree.list(t)) {
            if (part instanceof String s) {
                b.append(s);
            } else {
                String s = JsonTree.str(JsonTree.obj(part), "text");
                if (s != null) {
                    b.append(s);
                }
            }
        }
        return b.toString();
    }
}
