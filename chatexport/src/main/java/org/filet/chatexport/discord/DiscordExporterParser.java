package org.filet.chatexport.discord;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.filet.chatexport.ImportLimits;
import org.filet.chatexport.UnreadableExport;
import org.filet.chatexport.source.ExportFiles;
import org.filet.chatexport.util.JsonTree;
import org.filet.chatexport.util.Warnings;
import org.filet.conversation.Attachment;
import org.filet.conversation.ChatFormat;
import org.filet.conversation.Conversation;
import org.filet.conversation.Message;
import org.filet.conversation.MessageKind;
import org.filet.conversation.Participant;
import org.jspecify.annotations.Nullable;

/** DiscordChatExporter JSON and CSV (CHAT-FORMATS.md 4.1). Snowflakes are kept as strings. */
public final class DiscordExporterParser {
    static final String CDN_NOTE = "Discord CDN attachment links expire within about a day; files not downloaded at"
            + " export time may be lost";

    private DiscordExporterParser() {}

    public static boolean looksLikeJson(Map<String, Object> o) {
        return o.containsKey("channel") && o.get("messages") instanceof List;
    }

    public static Conversation json(Map<String, Object> root, @Nullable ExportFiles files, String folder)
            throws UnreadableExport {
        DceChat chat = new DceChat(files, folder);
        for (Object m : JsonTree.list(root.get("messages"))) {
            chat.add(m);
        }
        return chat.finish(root);
    }

    /** A large export read as a stream: one message in memory at a time. Same result as {@link #json}. */
    public static Conversation stream(
            String source, byte[] bytes, @Nullable ExportFiles files, String folder, ImportLimits limits)
            throws UnreadableExport {
        DceChat chat = new DceChat(files, folder);
        Map<String, Object> rest = JsonTree.streamTopLevelArrays(
                source, bytes, limits, "messages"::equals, (key, element) -> chat.add(element));
        return chat.finish(rest);
    }

    public static boolean looksLikeCsv(String firstLine) {
        return firstLine
                .replace("\"", "")
                .replace("\uFEFF", "")
                .strip()
                .toLowerCase(Locale.ROOT)
                .startsWith("authorid,author,date,content");
    }

    public static Conversation csv(String source, String text) throws UnreadableExport {
        List<Csv.Row> rows = Csv.parse(source, text);
        Warnings warnings = new Warnings();
        Map<String, Participant> people = new LinkedHashMap<>();
        List<Message> messages = new ArrayList<>();
        boolean cdn = false;
        for (int r = 1; r < rows.size(); r++) {
            Csv.Row row = rows.get(r);
            List<String> f = row.fields();
            Message.Builder b =
                    Message.builder(messages.size(), MessageKind.MESSAGE).position("line " + row.line());
            if (f.size() < 4 || !DiscordTimes.iso(f.get(2), b)) {
                warnings.add("line " + row.line() + ": not a message row; kept as unparsed");
                messages.add(
                        b.kind(MessageKind.UNPARSED).text(String.join(",", f)).build());
                continue;
            }
            b.senderId(f.get(0)).sender(f.get(1)).text(f.get(3));
            people.putIfAbsent(f.get(0), new Participant(f.get(1), f.get(0), null));
            if (f.size() > 4 && !f.get(4).isBlank()) {
                for (String url : f.get(4).split(",")) {
                    if (!url.isBlank()) {
                        cdn |= url.strip().startsWith("http");
                        b.attachment(Attachment.referenced(url.strip()));
                    }
                }
            }
            messages.add(b.build());
        }
        return new Conversation(
                ChatFormat.DISCORD,
                "dce-csv",
                null,
                List.copyOf(people.values()),
                messages,
                cdn ? List.of(DiscordExporterParser.CDN_NOTE) : List.of(),
                warnings.list());
    }
}
