package org.filet.chatexport.discord;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.filet.chatexport.Attachment;
import org.filet.chatexport.ChatFormat;
import org.filet.chatexport.Conversation;
import org.filet.chatexport.Message;
import org.filet.chatexport.MessageFlag;
import org.filet.chatexport.MessageKind;
import org.filet.chatexport.Participant;
import org.filet.chatexport.UnreadableExport;
import org.filet.chatexport.source.ExportFiles;
import org.filet.chatexport.util.JsonTree;
import org.filet.chatexport.util.Warnings;
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
    Map<String, Object> guild = JsonTree.obj(root.get("guild"));
    Map<String, Object> channel = JsonTree.obj(root.get("channel"));
    String title = (guild == null ? "" : JsonTree.str(guild, "name") + " / ") + JsonTree.str(channel, "name");
    Warnings warnings = new Warnings();
    Map<String, Participant> people = new LinkedHashMap<>();
    List<Message> messages = new ArrayList<>();
    boolean cdn = false;
    List<Object> ms = JsonTree.list(root.get("messages"));
    for (int i = 0; i < ms.size(); i++) {
      Map<String, Object> m = JsonTree.obj(ms.get(i));
      Message.Builder b = Message.builder(messages.size(), MessageKind.MESSAGE).position("messages[" + i + "]");
      if (m == null || !DiscordTimes.iso(JsonTree.str(m, "timestamp"), b)) {
        warnings.add("messages[" + i + "]: no readable timestamp; kept as unparsed");
        messages.add(b.kind(MessageKind.UNPARSED).build());
        continue;
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
    Long declared = JsonTree.lng(root, "messageCount");
    if (declared != null && declared != ms.size()) {
      warnings.add("the export declares " + declared + " message(s) but holds " + ms.size());
    }
    return new Conversation(ChatFormat.DISCORD, "dce-json", title, List.copyOf(people.values()), messages,
        cdn ? List.of(CDN_NOTE) : List.of(), warnings.list());
  }

  public static boolean looksLikeCsv(String firstLine) {
    return firstLine.replace("\"", "").replace("\uFEFF", "").strip()
        .toLowerCase(Locale.ROOT).startsWith("authorid,author,date,content");
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
      Message.Builder b = Message.builder(messages.size(), MessageKind.MESSAGE).position("line " + row.line());
      if (f.size() < 4 || !DiscordTimes.iso(f.get(2), b)) {
        warnings.add("line " + row.line() + ": not a message row; kept as unparsed");
        messages.add(b.kind(MessageKind.UNPARSED).text(String.join(",", f)).build());
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
    return new Conversation(ChatFormat.DISCORD, "dce-csv", null, List.copyOf(people.values()), messages,
        cdn ? List.of(DiscordExporterParser.CDN_NOTE) : List.of(), warnings.list());
  }
}
