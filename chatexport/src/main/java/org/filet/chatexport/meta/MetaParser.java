package org.filet.chatexport.meta;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.filet.chatexport.UnreadableExport;
import org.filet.chatexport.source.ExportFiles;
import org.filet.chatexport.util.JsonTree;
import org.filet.chatexport.util.Warnings;
import org.filet.conversation.Attachment;
import org.filet.conversation.ChatFormat;
import org.filet.conversation.Conversation;
import org.filet.conversation.Message;
import org.filet.conversation.MessageFlag;
import org.filet.conversation.MessageKind;
import org.filet.conversation.Participant;
import org.jspecify.annotations.Nullable;

/**
 * One Messenger/Instagram thread from its JSON part files. Classic parts ({@code message_1.json}, {@code message_2.json},
 * …, newest first) are merged and ordered by {@code timestamp_ms} (stable); the E2EE download (camelCase keys,
 * oldest first) is read as is. Timestamps are epoch milliseconds, hence absolute instants.
 */
public final class MetaParser {
    static final String ZONE = "UTC (epoch milliseconds in the export)";
    private static final String[] MEDIA_KEYS = {"photos", "videos", "audio_files", "gifs", "files"};

    private MetaParser() {}

    private record Raw(long ts, Message.Builder b) {}

    /** One part file: its path within the export and its parsed JSON object. */
    public record Part(String path, Map<String, Object> json) {}

    public static boolean isClassic(Map<String, Object> o) {
        return o.get("messages") instanceof List
                && (firstHas(o, "sender_name")
                        || firstHas(o, "timestamp_ms")
                        || o.get("participants") instanceof List
                                && (o.containsKey("title") || o.containsKey("thread_path")));
    }

    public static boolean isE2ee(Map<String, Object> o) {
        return o.get("messages") instanceof List && (o.containsKey("threadName") || firstHas(o, "senderName"));
    }

    private static boolean firstHas(Map<String, Object> o, String key) {
        List<Object> ms = JsonTree.list(o.get("messages"));
        Map<String, Object> m = ms.isEmpty() ? null : JsonTree.obj(ms.get(0));
        return m != null && m.containsKey(key);
    }

    /** Requires parts of one thread, in any order. */
    public static Conversation parse(List<Part> parts, @Nullable ExportFiles files) throws UnreadableExport {
        List<Part> sorted = new ArrayList<>(parts);
        sorted.sort(Comparator.comparingInt(p -> partNumber(p.path())));
        boolean e2ee = isE2ee(sorted.get(0).json());
        boolean instagram = sorted.get(0).path().toLowerCase(Locale.ROOT).contains("instagram");
        Warnings warnings = new Warnings();
        Map<String, Participant> participants = new LinkedHashMap<>();
        String title = null;
        List<Raw> raws = new ArrayList<>();
        int missingFiles = 0;
        for (Part part : sorted) {
            Map<String, Object> o = part.json();
            title = title != null ? title : Mojibake.repair(JsonTree.str(o, e2ee ? "threadName" : "title"));
            for (Object p : JsonTree.list(o.get("participants"))) {
                String name = Mojibake.repair(p instanceof String s ? s : JsonTree.str(JsonTree.obj(p), "name"));
                if (name != null) {
                    participants.putIfAbsent(name, Participant.named(name));
                }
            }
            List<Object> ms = JsonTree.list(o.get("messages"));
            List<Raw> partRaws = new ArrayList<>();
            for (int i = 0; i < ms.size(); i++) {
                Map<String, Object> m = JsonTree.obj(ms.get(i));
                Message.Builder b = Message.builder(0, MessageKind.MESSAGE)
                        .position(fileName(part.path()) + " messages[" + i + "]");
                Long ts = m == null ? null : JsonTree.lng(m, e2ee ? "timestamp" : "timestamp_ms");
                if (m == null || ts == null) {
                    b.kind(MessageKind.UNPARSED);
                    warnings.add(fileName(part.path()) + " messages[" + i + "]: no timestamp; kept as unparsed");
                    partRaws.add(new Raw(Long.MIN_VALUE, b));
                    continue;
                }
                b.at(Long.toString(ts))
                        .instant(java.time.Instant.ofEpochMilli(ts))
                        .zone(ZONE);
                missingFiles += e2ee ? e2eeMessage(m, b, files, folder(part.path())) : classicMessage(m, b, files);
                String sender = b.text() == null && b.kind() == MessageKind.UNPARSED ? null : senderOf(m, e2ee);
                b.sender(sender);
                if (sender != null) {
                    participants.putIfAbsent(sender, Participant.named(sender));
                }
                partRaws.add(new Raw(ts, b));
            }
            if (newestFirst(partRaws)) {
                java.util.Collections.reverse(partRaws);
            }
            raws.addAll(partRaws);
        }
        boolean ordered = true;
        for (int i = 1; i < raws.size(); i++) {
            ordered &= raws.get(i - 1).ts() <= raws.get(i).ts();
        }
        if (!ordered) {
            raws.sort(Comparator.comparingLong(Raw::ts));
            warnings.add("entries put in time order across the part files; 'position' gives each entry's place in"
                    + " its file");
        }
        List<Message> messages = new ArrayList<>(raws.size());
        for (Raw r : raws) {
            messages.add(r.b().index(messages.size()).build());
        }
        List<String> missing = new ArrayList<>();
        if (!instagram) {
            missing.add(
                    e2ee
                            ? "history from before the chat switched to end-to-end encryption is in the standard download"
                                    + " (e2ee_cutover), not in this file"
                            : "messages sent after the chat switched to end-to-end encryption (2024+) are only in the separate"
                                    + " secure-storage download");
        }
        missing.add("the participant list shows members at export time; people who left may be absent");
        if (missingFiles > 0) {
            missing.add(missingFiles + " media file(s) referenced by the thread are not in the upload");
        }
        ChatFormat format = instagram ? ChatFormat.INSTAGRAM : ChatFormat.MESSENGER;
        if (!instagram && !e2ee) {
            warnings.add("Messenger and Instagram share this layout; read as Messenger because the path does not say"
                    + " Instagram");
        }
        return new Conversation(
                format,
                e2ee ? "e2ee-json" : "dyi-json",
                title,
                List.copyOf(participants.values()),
                messages,
                missing,
                warnings.list());
    }

    private static boolean newestFirst(List<Raw> raws) {
        boolean decreasing = false;
        for (int i = 1; i < raws.size(); i++) {
            long a = raws.get(i - 1).ts();
            long b = raws.get(i).ts();
            if (b > a) {
                return false;
            }
            decreasing |= b < a;
        }
        return decreasing;
    }

    private static @Nullable String senderOf(Map<String, Object> m, boolean e2ee) {
        return Mojibake.repair(JsonTree.str(m, e2ee ? "senderName" : "sender_name"));
    }

    private static int classicMessage(Map<String, Object> m, Message.Builder b, @Nullable ExportFiles files)
            throws UnreadableExport {
        String content = Mojibake.repair(JsonTree.str(m, "content"));
        String type = JsonTree.str(m, "type");
        b.text(content);
        int missing = 0;
        if (JsonTree.bool(m, "is_unsent")) {
            b.kind(MessageKind.DELETED).flag(MessageFlag.UNSENT);
        } else if ("Call".equals(type)) {
            b.kind(MessageKind.CALL);
        } else if ("Subscribe".equals(type) || "Unsubscribe".equals(type) || isGeneratedText(content)) {
            b.kind(MessageKind.SYSTEM);
        }
        Map<String, Object> share = JsonTree.obj(m.get("share"));
        if (share != null && content == null) {
            String link = JsonTree.str(share, "link");
            b.text(link != null ? link : Mojibake.repair(JsonTree.str(share, "share_text")));
        }
        for (String key : MEDIA_KEYS) {
            for (Object item : JsonTree.list(m.get(key))) {
                missing += attach(b, JsonTree.str(JsonTree.obj(item), "uri"), files, "");
            }
        }
        missing += attach(b, JsonTree.str(JsonTree.obj(m.get("sticker")), "uri"), files, "");
        return missing;
    }

    private static int e2eeMessage(Map<String, Object> m, Message.Builder b, @Nullable ExportFiles files, String folder)
            throws UnreadableExport {
        b.text(Mojibake.repair(JsonTree.str(m, "text")));
        if (JsonTree.bool(m, "isUnsent")) {
            b.kind(MessageKind.DELETED).flag(MessageFlag.UNSENT);
        } else if ("placeholder".equals(JsonTree.str(m, "type")) || isGeneratedText(b.text())) {
            b.kind(MessageKind.SYSTEM);
        }
        int missing = 0;
        for (Object item : JsonTree.list(m.get("media"))) {
            missing += attach(b, JsonTree.str(JsonTree.obj(item), "uri"), files, folder);
        }
        return missing;
    }

    private static int attach(Message.Builder b, @Nullable String uri, @Nullable ExportFiles files, String folder)
            throws UnreadableExport {
        if (uri == null) {
            return 0;
        }
        Attachment a = files == null ? Attachment.referenced(uri) : files.resolve(folder, uri);
        b.attachment(a);
        return a.inExport() ? 0 : 1;
    }

    private static boolean isGeneratedText(@Nullable String content) {
        if (content == null) {
            return false;
        }
        String c = content.toLowerCase(Locale.ROOT);
        return c.endsWith(" left the chat.")
                || c.endsWith(" left the chat")
                || c.equals("liked a message")
                || (c.startsWith("reacted ") && c.endsWith(" to your message"))
                || c.endsWith("sent an attachment.")
                || c.endsWith(" joined the chat.")
                || c.endsWith(" named the group ");
    }

    static int partNumber(String path) {
        String name = fileName(path);
        int us = name.lastIndexOf('_');
        int dot = name.lastIndexOf('.');
        if (us >= 0 && dot > us) {
            try {
                return Integer.parseInt(name.substring(us + 1, dot));
            } catch (NumberFormatException e) {
                return Integer.MAX_VALUE;
            }
        }
        return Integer.MAX_VALUE;
    }

    static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    static String folder(String path) {
        return path.substring(0, path.lastIndexOf('/') + 1);
    }
}
