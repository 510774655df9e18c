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
import org.filet.chatexport.Attachment;
import org.filet.chatexport.ChatFormat;
import org.filet.chatexport.Conversation;
import org.filet.chatexport.Message;
import org.filet.chatexport.MessageFlag;
import org.filet.chatexport.MessageKind;
import org.filet.chatexport.Participant;
import org.filet.chatexport.source.ExportFiles;
import org.filet.chatexport.source.ExportMember;
import org.filet.chatexport.util.JsonTree;
import org.filet.chatexport.util.Warnings;
import org.jspecify.annotations.Nullable;

/**
 * Snapchat chat history (CHAT-FORMATS.md 5a). Snapchat exports the text of saved messages only: a message with null
 * {@code Content} is kept (flagged not-saved) and counted in {@code missing}. {@code Created(microseconds)} is in fact
 * epoch milliseconds. Entries are put in time order (stable), recorded in {@code warnings}.
 */
public final class SnapchatParser {
  static final String OWNER = "(account owner)";
  static final String LEGACY_RECEIVED = "Received Saved Chat History";
  static final String LEGACY_SENT = "Sent Saved Chat History";

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
      if (!(v instanceof List) || (!l.isEmpty() && !(JsonTree.obj(l.get(0)) != null
          && JsonTree.obj(l.get(0)).containsKey("Media Type")))) {
        return false;
      }
    }
    return true;
  }

  private record Item(long ms, Message.Builder b) {}

  public static List<Conversation> parse(Map<String, Object> root, @Nullable ExportFiles files) {
    if (root.containsKey(LEGACY_RECEIVED) || root.containsKey(LEGACY_SENT)) {
      return legacy(root);
    }
    List<Conversation> out = new ArrayList<>();
    for (Map.Entry<String, Object> conv : root.entrySet()) {
      Warnings warnings = new Warnings();
      Map<String, Participant> people = new LinkedHashMap<>();
      List<Item> items = new ArrayList<>();
      String title = null;
      int unsaved = 0;
      int absentMedia = 0;
      List<Object> list = JsonTree.list(conv.getValue());
      for (int i = 0; i < list.size(); i++) {
        Map<String, Object> m = JsonTree.obj(list.get(i));
        String position = conv.getKey() + "[" + i + "]";
        Message.Builder b = Message.builder(0, MessageKind.MESSAGE).position(position);
        long ms = time(m, b);
        if (m == null || ms == Long.MIN_VALUE) {
          warnings.add(position + ": no readable time; kept as unparsed");
          items.add(new Item(Long.MIN_VALUE, b.kind(MessageKind.UNPARSED)));
          continue;
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
                Attachment a = media(files, id.strip());
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
        items.add(new Item(ms, b));
      }
      List<String> missing = new ArrayList<>();
      missing.add("Snapchat exports the text of saved messages only; unsaved messages and snaps have no content");
      if (unsaved > 0) {
        missing.add(unsaved + " text message(s) here have no text because they were not saved");
      }
      if (absentMedia > 0) {
        missing.add(absentMedia + " media item(s) referenced but not in the upload");
      }
      out.add(new Conversation(ChatFormat.SNAPCHAT, "chat-history-json", title != null ? title : conv.getKey(),
          List.copyOf(people.values()), ordered(items, warnings), missing, warnings.list()));
    }
    return out;
  }

  private static List<Message> ordered(List<Item> items, Warnings warnings) {
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

  private static Attachment media(@Nullable ExportFiles files, String id) {
    if (files != null) {
      for (ExportMember m : files.members()) {
        if (m.path().contains("chat_media/") && m.fileName().contains(id)) {
          return new Attachment(m.path(), m.sha256());
        }
      }
    }
    return Attachment.referenced("chat_media/*" + id + "*");
  }

  /** Sets at/instant/zone; returns epoch ms or Long.MIN_VALUE. */
  private static long time(@Nullable Map<String, Object> m, Message.Builder b) {
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
        LocalDateTime l = LocalDateTime.parse(created.substring(0, created.length() - 4).replace(' ', 'T'));
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
        byFriend.computeIfAbsent(friend == null ? "(unknown)" : friend, f -> new ArrayList<>()).add(new Item(ms, b));
      }
    }
    List<Conversation> out = new ArrayList<>();
    for (Map.Entry<String, List<Item>> e : byFriend.entrySet()) {
      Warnings w = new Warnings();
      List<Message> ms = ordered(e.getValue(), w);
      List<String> ws = new ArrayList<>(warnings.list());
      ws.add("received and sent lists merged in time order");
      out.add(new Conversation(ChatFormat.SNAPCHAT, "saved-chat-history-json", e.getKey(),
          List.of(new Participant(e.getKey(), e.getKey(), null), new Participant(OWNER, null, null)), ms,
          List.of("this older Snapchat export holds saved messages only; everything unsaved is absent"), ws));
    }
    return out;
  }
}
