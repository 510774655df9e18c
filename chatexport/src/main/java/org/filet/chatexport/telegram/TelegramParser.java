package org.filet.chatexport.telegram;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.filet.chatexport.Attachment;
import org.filet.chatexport.ChatFormat;
import org.filet.chatexport.Conversation;
import org.filet.chatexport.ImportOptions;
import org.filet.chatexport.Message;
import org.filet.chatexport.MessageFlag;
import org.filet.chatexport.MessageKind;
import org.filet.chatexport.Participant;
import org.filet.chatexport.UnreadableExport;
import org.filet.chatexport.source.ExportFiles;
import org.filet.chatexport.util.JsonTree;
import org.filet.chatexport.util.Warnings;
import org.jspecify.annotations.Nullable;

/**
 * Telegram Desktop JSON (CHAT-FORMATS.md 3). {@code date_unixtime} gives the instant when present; {@code date} is
 * the exporting computer's local time without a zone and is kept as written. {@code text} may be a string or an
 * array of strings and entity objects; their texts are concatenated without separators.
 */
public final class TelegramParser {
  private static final String FILE_ABSENT_PREFIX = "(File ";

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
  public static List<Conversation> parse(Map<String, Object> root, @Nullable ExportFiles files, String folder,
      ImportOptions options) throws UnreadableExport {
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

  private static Conversation chat(Map<String, Object> chat, @Nullable ExportFiles files, String folder,
      ImportOptions options, String variant) throws UnreadableExport {
    Warnings warnings = new Warnings();
    Map<String, Participant> participants = new LinkedHashMap<>();
    List<Message> messages = new ArrayList<>();
    int absentFiles = 0;
    boolean sentinelNoted = false;
    List<Object> ms = JsonTree.list(chat.get("messages"));
    for (int i = 0; i < ms.size(); i++) {
      Map<String, Object> m = JsonTree.obj(ms.get(i));
      Message.Builder b = Message.builder(messages.size(), MessageKind.MESSAGE).position("messages[" + i + "]");
      if (m == null) {
        messages.add(b.kind(MessageKind.UNPARSED).build());
        warnings.add("messages[" + i + "]: not an object; kept as unparsed");
        continue;
      }
      boolean service = "service".equals(JsonTree.str(m, "type"));
      time(m, b, options, i, warnings);
      String name = JsonTree.str(m, service ? "actor" : "from");
      String id = idOf(m.get(service ? "actor_id" : "from_id"));
      b.sender(name).senderId(id);
      if (name != null || id != null) {
        String key = id != null ? id : name;
        participants.putIfAbsent(key, new Participant(name != null ? name : "(deleted account)", id, null));
      }
      String text = text(m.get("text"));
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
          b.attachment(Attachment.referenced(fileName != null ? fileName : key + " (not included in the export)"));
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
    List<String> missing = new ArrayList<>();
    missing.add("messages deleted before the export are absent from Telegram exports");
    if (absentFiles > 0) {
      missing.add(absentFiles + " media file(s) referenced but not included in the upload");
    }
    String type = JsonTree.str(chat, "type");
    return new Conversation(ChatFormat.TELEGRAM, type == null ? variant : variant + ":" + type,
        JsonTree.str(chat, "name"), List.copyOf(participants.values()), messages, missing, warnings.list());
  }

  private static void time(Map<String, Object> m, Message.Builder b, ImportOptions options, int i,
      Warnings warnings) {
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

  private static @Nullable String idOf(@Nullable Object id) {
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
