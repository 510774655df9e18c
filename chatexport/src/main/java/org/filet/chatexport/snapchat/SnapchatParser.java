package org.filet.chatexport.snapchat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.filet.chatexport.ImportLimits;
import org.filet.chatexport.UnreadableExport;
import org.filet.chatexport.source.ExportFiles;
import org.filet.chatexport.util.JsonTree;
import org.filet.chatexport.util.Warnings;
import org.filet.conversation.ChatFormat;
import org.filet.conversation.Conversation;
import org.filet.conversation.Message;
import org.filet.conversation.MessageFlag;
import org.filet.conversation.MessageKind;
import org.filet.conversation.Participant;
import org.jspecify.annotations.Nullable;

/**
 * Snapchat chat history (CHAT-FORMATS.md 5a). Snapchat exports the text of saved messages only: a message with null
 * {@code Content} is kept (flagged not-saved) and counted in {@code missing}. {@code Created(microseconds)} is in fact
 * epoch milliseconds. Entries are put in time order (stable), recorded in {@code warnings}.
 */
public final class SnapchatParser {
    static final String OWNER = "(account owner)";
    public static final String LEGACY_RECEIVED = "Received Saved Chat History";
    public static final String LEGACY_SENT = "Sent Saved Chat History";

    private SnapchatParser() {}

    public static boolean looksLikeSnapchat(Map<String, Object> o) {
        if (o.containsKey(LEGACY_RECEIVED) || o.containsKey(LEGACY_SENT)) {
            return true;
        }
        if (o.isEmpty()) {
            return false;
        }
        for (Object v : o.values()) {
            List<Object> l = JsonTree.list(v);
            if (!(v instanceof List)
                    || (!l.isEmpty()
                            && !(JsonTree.obj(l.get(0)) != null
                                    && JsonTree.obj(l.get(0)).containsKey("Media Type")))) {
                return false;
            }
        }
        return true;
    }

    record Item(long ms, Message.Builder b) {}

    public static List<Conversation> parse(Map<String, Object> root, @Nullable ExportFiles files) {
        if (root.containsKey(LEGACY_RECEIVED) || root.containsKey(LEGACY_SENT)) {
            return legacy(root);
        }
        MediaIndex media = new MediaIndex(files);
        List<Conversation> out = new ArrayList<>();
        for (Map.Entry<String, Object> conv : root.entrySet()) {
            SnapConversation c = new SnapConversation(conv.getKey(), media);
            for (Object m : JsonTree.list(conv.getValue())) {
                c.add(m);
            }
            out.add(c.finish());
        }
        return out;
    }

    /** A large chat history read as a stream, one message in memory at a time. Same result as {@link #parse}. */
    public static List<Conversation> stream(
            String source, byte[] bytes, @Nullable ExportFiles files, ImportLimits limits) throws UnreadableExport {
        MediaIndex media = new MediaIndex(files);
        Map<String, SnapConversation> conversations = new LinkedHashMap<>();
        Map<String, Object> rest = JsonTree.streamTopLevelArrays(
                source,
                bytes,
                limits,
                key -> true,
                (key, element) -> conversations
                        .computeIfAbsent(key, k -> new SnapConversation(k, media))
                        .add(element));
        if (rest.containsKey(LEGACY_RECEIVED) || rest.containsKey(LEGACY_SENT) || !rest.isEmpty()) {
            throw new UnreadableExport(
                    source,
                    UnreadableExport.Reason.UNRECOGNISED_FORMAT,
                    "a large JSON that is not a Snapchat chat history");
        }
        List<Conversation> out = new ArrayList<>();
        for (SnapConversation c : conversations.values()) {
            out.add(c.finish());
        }
        return out;
    }

    static List<Message> ordered(List<Item> items, Warnings warnings) {
        boolean sorted = true;
        for (int i = 1; i < items.size(); i++) {
            sorted &= items.get(i - 1).ms() <= items.get(i).ms();
        }
        if (!sorted) {
            items = new ArrayList<>(items);
            items.sort(Comparator.comparingLong(Item::ms));
            warnings.add("entries put in time order (the export lists them newest first); 'position' gives the original"
                    + " place");
        }
        List<Message> out = new ArrayList<>();
        for (Item it : items) {
            out.add(it.b().index(out.size()).build());
        }
        return out;
    }

    /** Sets at/instant/zone; returns epoch ms or Long.MIN_VALUE. */
    static long time(@Nullable Map<String, Object> m, Message.Builder b) {
        if (m == null) {
            return Long.MIN_VALUE;
        }
        String created = JsonTree.str(m, "Created");
        Long ms = JsonTree.lng(m, "Created(microseconds)");
        b.at(created);
        if (ms != null) {
            b.instant(Instant.ofEpochMilli(ms)).zone("UTC (epoch milliseconds in 'Created(microseconds)')");
            return ms;
        }
        if (created != null && created.endsWith(" UTC")) {
            try {
                LocalDateTime l = LocalDateTime.parse(
                        created.substring(0, created.length() - 4).replace(' ', 'T'));
                Instant t = l.toInstant(ZoneOffset.UTC);
                b.instant(t).zone("UTC (written in the export)");
                return t.toEpochMilli();
            } catch (DateTimeParseException e) {
                return Long.MIN_VALUE;
            }
        }
        return Long.MIN_VALUE;
    }

    private static List<Conversation> legacy(Map<String, Object> root) {
        Map<String, List<Item>> byFriend = new LinkedHashMap<>();
        Warnings warnings = new Warnings();
        for (String key : new String[] {LEGACY_RECEIVED, LEGACY_SENT}) {
            boolean sent = key.equals(LEGACY_SENT);
            List<Object> list = JsonTree.list(root.get(key));
            for (int i = 0; i < list.size(); i++) {
                Map<String, Object> m = JsonTree.obj(list.get(i));
                Message.Builder b = Message.builder(0, MessageKind.MESSAGE).position(key + "[" + i + "]");
                long ms = time(m, b);
                String friend = JsonTree.str(m, sent ? "To" : "From");
                String text = HtmlEntities.decode(JsonTree.str(m, "Text"));
                b.text(text == null || text.isEmpty() ? null : text).flag(MessageFlag.SAVED);
                if (sent) {
                    b.sender(OWNER).flag(MessageFlag.FROM_ACCOUNT_OWNER);
                } else {
                    b.sender(friend).senderId(friend);
                }
                if (!"TEXT".equals(JsonTree.str(m, "Media Type"))) {
                    b.kind(MessageKind.MEDIA);
                }
                if (ms == Long.MIN_VALUE) {
                    b.kind(MessageKind.UNPARSED);
                }
                byFriend.computeIfAbsent(friend == null ? "(unknown)" : friend, f -> new ArrayList<>())
                        .add(new Item(ms, b));
            }
        }
        List<Conversation> out = new ArrayList<>();
        for (Map.Entry<String, List<Item>> e : byFriend.entrySet()) {
            Warnings w = new Warnings();
            List<Message> ms = ordered(e.getValue(), w);
            List<String> ws = new ArrayList<>(warnings.list());
            ws.add("received and sent lists merged in time order");
            out.add(new Conversation(
                    ChatFormat.SNAPCHAT,
                    "saved-chat-history-json",
                    e.getKey(),
                    List.of(new Participant(e.getKey(), e.getKey(), null), new Participant(OWNER, null, null)),
                    ms,
                    List.of("this older Snapchat export holds saved messages only; everything unsaved is absent"),
                    ws));
        }
        return out;
    }
}
