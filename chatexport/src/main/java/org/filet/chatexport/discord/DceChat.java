package org.filet.chatexport.discord;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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

/** One DiscordChatExporter channel being read, message by message. */
final class DceChat {
    private final @Nullable ExportFiles files;
    private final String folder;
    private final Warnings warnings = new Warnings();
    private final Map<String, Participant> people = new LinkedHashMap<>();
    private final List<Message> messages = new ArrayList<>();
    private boolean cdn;
    private int count;

    DceChat(@Nullable ExportFiles files, String folder) {
        this.files = files;
        this.folder = folder;
    }

    void add(@Nullable Object element) throws UnreadableExport {
        Map<String, Object> m = JsonTree.obj(element);
        int i = count++;
        Message.Builder b =
                Message.builder(messages.size(), MessageKind.MESSAGE).position("messages[" + i + "]");
        if (m == null || !DiscordTimes.iso(JsonTree.str(m, "timestamp"), b)) {
            warnings.add("messages[" + i + "]: no readable timestamp; kept as unparsed");
            messages.add(b.kind(MessageKind.UNPARSED).build());
            return;
        }
        Map<String, Object> author = JsonTree.obj(m.get("author"));
        String id = JsonTree.str(author, "id");
        String nick = JsonTree.str(author, "nickname");
        String name = nick != null ? nick : JsonTree.str(author, "name");
        b.sender(name).senderId(id).text(JsonTree.str(m, "content"));
        if (name != null) {
            people.putIfAbsent(id != null ? id : name, new Participant(name, id, null));
        }
        String type = JsonTree.str(m, "type");
        if ("Call".equals(type)) {
            b.kind(MessageKind.CALL);
        } else if (type != null && !type.equals("Default") && !type.equals("Reply")) {
            b.kind(MessageKind.SYSTEM);
        }
        if (JsonTree.str(m, "timestampEdited") != null) {
            b.flag(MessageFlag.EDITED);
        }
        if (JsonTree.bool(m, "isPinned")) {
            b.flag(MessageFlag.PINNED);
        }
        if (JsonTree.obj(m.get("reference")) != null) {
            b.flag(MessageFlag.REPLY);
        }
        if (m.get("forwardedMessage") != null) {
            b.flag(MessageFlag.FORWARDED);
        }
        for (Object a : JsonTree.list(m.get("attachments"))) {
            Map<String, Object> am = JsonTree.obj(a);
            String url = JsonTree.str(am, "url");
            String ref = url != null ? url : JsonTree.str(am, "fileName");
            if (ref != null) {
                cdn |= ref.startsWith("http");
                b.attachment(files == null ? Attachment.referenced(ref) : files.resolve(folder, ref));
            }
        }
        List<Object> stickers = JsonTree.list(m.get("stickers"));
        for (Object s : stickers) {
            String sn = JsonTree.str(JsonTree.obj(s), "name");
            b.attachment(Attachment.referenced("sticker: " + (sn == null ? "?" : sn)));
        }
        if (!stickers.isEmpty() && (b.text() == null || b.text().isEmpty()) && b.kind() == MessageKind.MESSAGE) {
            b.kind(MessageKind.MEDIA);
        }
        messages.add(b.build());
    }

    /** Builds the conversation; {@code root} holds the export's other top-level fields (guild, channel, count). */
    Conversation finish(Map<String, Object> root) {
        Map<String, Object> guild = JsonTree.obj(root.get("guild"));
        Map<String, Object> channel = JsonTree.obj(root.get("channel"));
        String title = (guild == null ? "" : JsonTree.str(guild, "name") + " / ") + JsonTree.str(channel, "name");
        Long declared = JsonTree.lng(root, "messageCount");
        if (declared != null && declared != count) {
            warnings.add("the export declares " + declared + " message(s) but holds " + count);
        }
        return new Conversation(
                ChatFormat.DISCORD,
                "dce-json",
                title,
                List.copyOf(people.values()),
                messages,
                cdn ? List.of(DiscordExporterParser.CDN_NOTE) : List.of(),
                warnings.list());
    }
}
