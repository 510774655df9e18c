package org.filet.chatexport.telegram;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.filet.chatexport.ImportOptions;
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

/** One Telegram chat being read, message by message (from a tree or a stream). */
final class TelegramChat {
    private static final String FILE_ABSENT_PREFIX = "(File ";
    private final @Nullable ExportFiles files;
    private final String folder;
    private final ImportOptions options;
    private final Warnings warnings = new Warnings();
    private final Map<String, Participant> participants = new LinkedHashMap<>();
    private final List<Message> messages = new ArrayList<>();
    private int absentFiles;
    private boolean sentinelNoted;
    private int count;

    TelegramChat(@Nullable ExportFiles files, String folder, ImportOptions options) {
        this.files = files;
        this.folder = folder;
        this.options = options;
    }

    /** Adds one element of the chat's {@code messages} array (any JSON value). */
    void add(@Nullable Object element) throws UnreadableExport {
        Map<String, Object> m = JsonTree.obj(element);
        int i = count++;
        Message.Builder b =
                Message.builder(messages.size(), MessageKind.MESSAGE).position("messages[" + i + "]");
        if (m == null) {
            messages.add(b.kind(MessageKind.UNPARSED).build());
            warnings.add("messages[" + i + "]: not an object; kept as unparsed");
            return;
        }
        boolean service = "service".equals(JsonTree.str(m, "type"));
        TelegramParser.time(m, b, options, i, warnings);
        String name = JsonTree.str(m, service ? "actor" : "from");
        String id = TelegramParser.idOf(m.get(service ? "actor_id" : "from_id"));
        b.sender(name).senderId(id);
        if (name != null || id != null) {
            String key = id != null ? id : name;
            participants.putIfAbsent(key, new Participant(name != null ? name : "(deleted account)", id, null));
        }
        String text = TelegramParser.text(m.get("text"));
        if (service) {
            String action = JsonTree.str(m, "action");
            b.kind(MessageKind.SYSTEM).text(text == null || text.isEmpty() ? action : action + ": " + text);
            if ("phone_call".equals(action) || "group_call".equals(action)) {
                b.kind(MessageKind.CALL);
            }
        } else {
            b.text(text);
        }
        String edited = JsonTree.str(m, "edited");
        if (m.containsKey("edited_unixtime") || (edited != null && !edited.startsWith("1970-01-01"))) {
            b.flag(MessageFlag.EDITED);
        } else if (edited != null && !sentinelNoted) {
            sentinelNoted = true;
            warnings.add("'edited' holds the never-edited marker " + edited + "; it reveals the exporting computer's"
                    + " UTC offset");
        }
        if (m.containsKey("forwarded_from") || m.containsKey("forwarded_from_id")) {
            b.flag(MessageFlag.FORWARDED);
        }
        if (m.containsKey("reply_to_message_id")) {
            b.flag(MessageFlag.REPLY);
        }
        if (m.containsKey("self_destruct_period_seconds")) {
            b.flag(MessageFlag.SELF_DESTRUCT);
        }
        for (String key : new String[] {"photo", "file"}) {
            String ref = JsonTree.str(m, key);
            if (ref == null) {
                continue;
            }
            if (ref.startsWith(FILE_ABSENT_PREFIX)) {
                String fileName = JsonTree.str(m, "file_name");
                b.attachment(
                        Attachment.referenced(fileName != null ? fileName : key + " (not included in the export)"));
                absentFiles++;
                if (text == null || text.isEmpty()) {
                    b.kind(MessageKind.MEDIA);
                }
            } else {
                Attachment a = files == null ? Attachment.referenced(ref) : files.resolve(folder, ref);
                absentFiles += a.inExport() ? 0 : 1;
                b.attachment(a);
            }
        }
        messages.add(b.build());
    }

    Conversation finish(String variant, @Nullable String name, @Nullable String type) {
        List<String> missing = new ArrayList<>();
        missing.add("messages deleted before the export are absent from Telegram exports");
        if (absentFiles > 0) {
            missing.add(absentFiles + " media file(s) referenced but not included in the upload");
        }
        return new Conversation(
                ChatFormat.TELEGRAM,
                type == null ? variant : variant + ":" + type,
                name,
                List.copyOf(participants.values()),
                messages,
                missing,
                warnings.list());
    }
}
