package org.filet.chatexport.snapchat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

/** One Snapchat conversation (2023+ shape) being read, message by message. */
final class SnapConversation {
    private final String key;
    private final MediaIndex media;
    private final Warnings warnings = new Warnings();
    private final Map<String, Participant> people = new LinkedHashMap<>();
    private final List<SnapchatParser.Item> items = new ArrayList<>();
    private @Nullable String title;
    private int unsaved;
    private int absentMedia;
    private int count;

    SnapConversation(String key, MediaIndex media) {
        this.key = key;
        this.media = media;
    }

    void add(@Nullable Object element) {
        Map<String, Object> m = JsonTree.obj(element);
        int index = count++;
        String position = key + "[" + index + "]";
        Message.Builder b = Message.builder(0, MessageKind.MESSAGE).position(position);
        long ms = SnapchatParser.time(m, b);
        if (m == null || ms == Long.MIN_VALUE) {
            warnings.add("entry " + index + ": no readable time; kept as unparsed"); // the key is a username: not here
            items.add(new SnapchatParser.Item(Long.MIN_VALUE, b.kind(MessageKind.UNPARSED)));
            return;
        }
        title = title != null ? title : JsonTree.str(m, "Conversation Title");
        String from = JsonTree.str(m, "From");
        b.sender(from).senderId(from);
        if (from != null) {
            people.putIfAbsent(from, new Participant(from, from, null));
        }
        if (JsonTree.bool(m, "IsSender")) {
            b.flag(MessageFlag.FROM_ACCOUNT_OWNER);
        }
        String type = JsonTree.str(m, "Media Type");
        String content = JsonTree.str(m, "Content");
        b.text(content == null || content.isEmpty() ? null : content);
        b.flag(JsonTree.bool(m, "IsSaved") ? MessageFlag.SAVED : MessageFlag.NOT_SAVED);
        if (type != null && type.startsWith("STATUS")) {
            b.kind(MessageKind.SYSTEM).text(content == null || content.isEmpty() ? type : content);
        } else if (!"TEXT".equals(type)) {
            String ids = JsonTree.str(m, "Media IDs");
            boolean found = false;
            if (ids != null) {
                for (String id : ids.split(" \\| ")) {
                    if (!id.isBlank()) {
                        Attachment a = media.attachment(id.strip());
                        found |= a.inExport();
                        absentMedia += a.inExport() ? 0 : 1;
                        b.attachment(a);
                    }
                }
            }
            if (!found) {
                b.kind(MessageKind.MEDIA);
            }
        } else if (content == null) {
            unsaved++;
        }
        items.add(new SnapchatParser.Item(ms, b));
    }

    Conversation finish() {
        List<String> missing = new ArrayList<>();
        missing.add("Snapchat exports the text of saved messages only; unsaved messages and snaps have no content");
        if (unsaved > 0) {
            missing.add(unsaved + " text message(s) here have no text because they were not saved");
        }
        if (absentMedia > 0) {
            missing.add(absentMedia + " media item(s) referenced but not in the upload");
        }
        return new Conversation(
                ChatFormat.SNAPCHAT,
                "chat-history-json",
                title != null ? title : key,
                List.copyOf(people.values()),
                SnapchatParser.ordered(items, warnings),
                missing,
                warnings.list());
    }
}
