package org.filet.chatexport.discord;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.filet.chatexport.ImportLimits;
import org.filet.chatexport.UnreadableExport;
import org.filet.chatexport.source.ExportFiles;
import org.filet.chatexport.source.ExportMember;
import org.filet.chatexport.source.Texts;
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
 * Discord's own data package (CHAT-FORMATS.md 4.2): one conversation per {@code messages/c<id>/} folder. It holds
 * only the requester's messages, which every conversation states in {@code missing}.
 */
public final class DiscordPackageParser {
    static final String OWNER = "(package owner)";
    static final String ONLY_OWN = "Discord's data package holds only the requester's own messages; what the other"
            + " people wrote is absent";

    private DiscordPackageParser() {}

    /** True when the export has {@code messages/index.json} and channel folders. */
    public static boolean isPackage(ExportFiles files) {
        for (ExportMember m : files.members()) {
            if (m.path().endsWith("messages/index.json")) {
                return true;
            }
        }
        return false;
    }

    public static List<Conversation> parse(ExportFiles files, ImportLimits limits) throws UnreadableExport {
        Map<String, Object> index = null;
        String root = "";
        Map<String, ExportMember[]> channels = new TreeMap<>();
        for (ExportMember m : files.members()) {
            if (m.path().endsWith("messages/index.json") && m.content() != null) {
                root = m.folder();
                index = JsonTree.obj(JsonTree.parse(files.sourceName() + ":" + m.path(), m.content(), limits));
            }
        }
        for (ExportMember m : files.members()) {
            if (!m.path().startsWith(root) || m.content() == null) {
                continue;
            }
            String rest = m.path().substring(root.length());
            int slash = rest.indexOf('/');
            if (slash < 0) {
                continue;
            }
            String dir = rest.substring(0, slash);
            String name = rest.substring(slash + 1);
            ExportMember[] slot = channels.computeIfAbsent(dir, d -> new ExportMember[3]);
            if (name.equals("channel.json")) {
                slot[0] = m;
            } else if (name.equals("messages.json")) {
                slot[1] = m;
            } else if (name.equals("messages.csv")) {
                slot[2] = m;
            }
        }
        List<Conversation> out = new ArrayList<>();
        for (Map.Entry<String, ExportMember[]> e : channels.entrySet()) {
            ExportMember[] slot = e.getValue();
            if (slot[1] == null && slot[2] == null) {
                continue;
            }
            String id = e.getKey().startsWith("c") ? e.getKey().substring(1) : e.getKey();
            out.add(channel(files, limits, id, index == null ? null : JsonTree.str(index, id), slot));
        }
        return out;
    }

    private static Conversation channel(
            ExportFiles files, ImportLimits limits, String id, @Nullable String label, ExportMember[] slot)
            throws UnreadableExport {
        String src = files.sourceName();
        Warnings warnings = new Warnings();
        List<Participant> people = new ArrayList<>();
        people.add(new Participant(OWNER, null, null));
        if (slot[0] != null) {
            Map<String, Object> ch =
                    JsonTree.obj(JsonTree.parse(src + ":" + slot[0].path(), slot[0].content(), limits));
            for (Object r : JsonTree.list(ch == null ? null : ch.get("recipients"))) {
                String rid = r instanceof String s ? s : String.valueOf(r);
                people.add(new Participant(rid, rid, null));
            }
        }
        List<Message> messages = new ArrayList<>();
        if (slot[1] != null) {
            List<Object> rows = JsonTree.list(JsonTree.parse(src + ":" + slot[1].path(), slot[1].content(), limits));
            for (int i = 0; i < rows.size(); i++) {
                Map<String, Object> m = JsonTree.obj(rows.get(i));
                messages.add(row(
                        messages.size(),
                        "messages.json[" + i + "]",
                        JsonTree.str(m, "Timestamp"),
                        JsonTree.str(m, "Contents"),
                        JsonTree.str(m, "Attachments"),
                        warnings));
            }
        } else {
            List<Csv.Row> rows =
                    Csv.parse(src + ":" + slot[2].path(), Texts.utf8(src + ":" + slot[2].path(), slot[2].content()));
            for (int r = 1; r < rows.size(); r++) {
                List<String> f = rows.get(r).fields();
                messages.add(row(
                        messages.size(),
                        "messages.csv line " + rows.get(r).line(),
                        f.size() > 1 ? f.get(1) : null,
                        f.size() > 2 ? f.get(2) : null,
                        f.size() > 3 ? f.get(3) : null,
                        warnings));
            }
        }
        return new Conversation(
                ChatFormat.DISCORD,
                slot[1] != null ? "package-json" : "package-csv",
                label != null ? label : "channel " + id,
                people,
                messages,
                List.of(ONLY_OWN),
                warnings.list());
    }

    private static Message row(
            int index,
            String position,
            @Nullable String stamp,
            @Nullable String contents,
            @Nullable String attachments,
            Warnings warnings) {
        Message.Builder b = Message.builder(index, MessageKind.MESSAGE).position(position);
        if (!DiscordTimes.packageStamp(stamp, b)) {
            warnings.add(position + ": no readable timestamp; kept as unparsed");
            return b.kind(MessageKind.UNPARSED).text(contents).build();
        }
        b.sender(OWNER)
                .flag(MessageFlag.FROM_ACCOUNT_OWNER)
                .text(contents == null || contents.isEmpty() ? null : contents);
        if (attachments != null) {
            for (String url : attachments.split(" ")) {
                if (!url.isBlank()) {
                    b.attachment(Attachment.referenced(url));
                }
            }
        }
        return b.build();
    }
}
