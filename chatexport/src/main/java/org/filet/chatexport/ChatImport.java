package org.filet.chatexport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.filet.chatexport.UnreadableExport.Reason;
import org.filet.chatexport.discord.DiscordExporterParser;
import org.filet.chatexport.discord.DiscordPackageParser;
import org.filet.chatexport.discord.DiscordTextParser;
import org.filet.chatexport.meta.MetaParser;
import org.filet.chatexport.sms.SmsBackupParser;
import org.filet.chatexport.snapchat.SnapchatParser;
import org.filet.chatexport.source.ExportFiles;
import org.filet.chatexport.source.ExportMember;
import org.filet.chatexport.source.SafeZip;
import org.filet.chatexport.source.Texts;
import org.filet.chatexport.telegram.TelegramParser;
import org.filet.chatexport.telegram.TelegramStream;
import org.filet.chatexport.util.JsonTree;
import org.filet.chatexport.whatsapp.ChatTitles;
import org.filet.chatexport.whatsapp.WhatsAppParser;

/**
 * Entry point: detects an export's format from its content and parses it into conversations. Accepts a single file,
 * a zip archive or a folder. Every refusal is an {@link UnreadableExport} naming the file and the reason.
 */
public final class ChatImport {
  private static final int HEAD = 64 * 1024;
  private static final int SNIFF = 4096;
  /** JSON larger than this is checked for a Telegram export first, which is then streamed message by message. */
  static final int STREAM_JSON_BYTES = 8 << 20;
  /** Other JSON is read as a tree (about ten times its size in memory), so it is bounded. */
  static final int MAX_TREE_JSON_BYTES = 96 << 20;

  private ChatImport() {}

  public static List<Conversation> parse(Path path) throws UnreadableExport {
    return parse(path, ImportOptions.DEFAULT);
  }

  /** Strict: every member must be readable, otherwise the first refusal is thrown. */
  public static List<Conversation> parse(Path path, ImportOptions options) throws UnreadableExport {
    return strict(read(path, options));
  }

  /**
   * Lenient for archives and folders: members that cannot be read are listed in {@link ImportResult#refused()}.
   * Throws when the upload as a whole is refused (hostile archive, unreadable single file, nothing recognised).
   */
  public static ImportResult read(Path path, ImportOptions options) throws UnreadableExport {
    String source = path.toString();
    if (Files.isSymbolicLink(path)) {
      throw new UnreadableExport(source, Reason.SYMLINK, "the upload is a symbolic link");
    }
    if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
      return parseFiles(ExportFiles.ofDirectory(path, options.limits()), options);
    }
    byte[] head = head(source, path);
    if (SafeZip.looksLikeZip(head)) {
      return parseFiles(SafeZip.read(source, path, options.limits()), options);
    }
    if (detect(head) == Detected.SMS) {
      try (InputStream in = Files.newInputStream(path)) {
        return new ImportResult(SmsBackupParser.parse(source, in, options.limits()), List.of());
      } catch (IOException e) {
        throw new UnreadableExport(source, Reason.IO, "cannot read the file");
      }
    }
    long size;
    try {
      size = Files.size(path);
    } catch (IOException e) {
      throw new UnreadableExport(source, Reason.IO, "cannot read the file size");
    }
    if (size > options.limits().maxTextBytes()) {
      throw new UnreadableExport(source, Reason.TOO_LARGE, "larger than " + options.limits().maxTextBytes()
          + " bytes");
    }
    try {
      return read(source, path.getFileName().toString(), Files.readAllBytes(path), options);
    } catch (IOException e) {
      throw new UnreadableExport(source, Reason.IO, "cannot read the file");
    }
  }

  /** Parses an upload held in memory; {@code fileName} helps recognise members (for example Instagram paths). */
  public static List<Conversation> parse(String source, String fileName, byte[] bytes, ImportOptions options)
      throws UnreadableExport {
    return strict(read(source, fileName, bytes, options));
  }

  /** As {@link #read(Path, ImportOptions)} for an upload held in memory. */
  public static ImportResult read(String source, String fileName, byte[] bytes, ImportOptions options)
      throws UnreadableExport {
    if (SafeZip.looksLikeZip(bytes)) {
      return parseFiles(SafeZip.read(source, bytes, options.limits()), options);
    }
    return parseFiles(ExportFiles.ofBytes(source, fileName, bytes), options);
  }

  /** What the first bytes of a file look like. */
  public enum Detected { ZIP, SMS, SMS_CALL_LOG, JSON, TEXT, XML_OTHER, HTML, BINARY, EMPTY }

  public static Detected detect(byte[] head) {
    if (SafeZip.looksLikeZip(head)) {
      return Detected.ZIP;
    }
    int len = Math.min(head.length, SNIFF);
    String s = new String(head, 0, len, StandardCharsets.UTF_8);
    s = s.startsWith("\uFEFF") ? s.substring(1) : s;
    String t = s.stripLeading();
    if (t.isEmpty()) {
      return Detected.EMPTY;
    }
    if (t.startsWith("<")) {
      String lower = t.toLowerCase(Locale.ROOT);
      if (lower.contains("<smses")) {
        return Detected.SMS;
      }
      if (lower.contains("<calls")) {
        return Detected.SMS_CALL_LOG;
      }
      return lower.contains("<html") || lower.startsWith("<!doctype html") ? Detected.HTML : Detected.XML_OTHER;
    }
    if (t.startsWith("{") || t.startsWith("[") && !t.matches("(?s)^\\[[^\\]\\n]{0,40}\\d[^\\]\\n]{0,40}\\].*")) {
      return Detected.JSON;
    }
    for (int i = 0; i < Math.min(len, 8192); i++) {
      if (head[i] == 0) {
        return Detected.BINARY;
      }
    }
    return Detected.TEXT;
  }

  private static byte[] head(String source, Path path) throws UnreadableExport {
    try (InputStream in = Files.newInputStream(path)) {
      return in.readNBytes(HEAD);
    } catch (IOException e) {
      throw new UnreadableExport(source, Reason.IO, "cannot read the file");
    }
  }

  private static List<Conversation> strict(ImportResult r) throws UnreadableExport {
    if (!r.refused().isEmpty()) {
      UnreadableExport first = r.refused().get(0);
      if (r.refused().size() == 1 && r.conversations().isEmpty()) {
        throw first;
      }
      throw new UnreadableExport(first.source(), first.reason(), first.getMessage().substring(
          first.source().length() + 2).replaceFirst("^[a-z ]+: ", "") + " (" + (r.refused().size() - 1)
          + " other member(s) refused; " + r.conversations().size() + " conversation(s) read)");
    }
    return r.conversations();
  }

  static ImportResult parseFiles(ExportFiles files, ImportOptions options) throws UnreadableExport {
    if (DiscordPackageParser.isPackage(files)) {
      return new ImportResult(DiscordPackageParser.parse(files, options.limits()), List.of());
    }
    List<Conversation> out = new ArrayList<>();
    Map<String, List<MetaParser.Part>> metaThreads = new LinkedHashMap<>();
    boolean single = files.singleFile();
    List<UnreadableExport> rejected = new ArrayList<>();
    boolean recognised = false;
    for (ExportMember m : files.members()) {
      if (m.content() == null) {
        continue;
      }
      String src = single ? files.sourceName() : files.sourceName() + ":" + m.path();
      try {
        int before = out.size() + metaThreads.size();
        member(files, m, src, options, out, metaThreads, single);
        recognised |= out.size() + metaThreads.size() > before || Detected.SMS == detect(m.content());
      } catch (UnreadableExport e) {
        if (single) {
          throw e;
        }
        rejected.add(renamed(e, src));
      }
    }
    for (List<MetaParser.Part> parts : metaThreads.values()) {
      String src = single ? files.sourceName() : files.sourceName() + ":" + parts.get(0).path();
      try {
        out.add(MetaParser.parse(parts, files));
      } catch (UnreadableExport e) {
        if (single) {
          throw e;
        }
        rejected.add(renamed(e, src));
      }
    }
    if (out.isEmpty() && rejected.isEmpty() && !recognised) {
      throw new UnreadableExport(files.sourceName(), Reason.UNRECOGNISED_FORMAT, "no chat export found");
    }
    if (out.isEmpty() && rejected.size() == 1) {
      throw rejected.get(0);
    }
    return new ImportResult(out, rejected);
  }

  /** The same refusal attributed to the member it came from (attachment lookups report the whole upload). */
  private static UnreadableExport renamed(UnreadableExport e, String src) {
    if (e.source().equals(src) || !src.startsWith(e.source())) {
      return e;
    }
    return new UnreadableExport(src, e.reason(), e.getMessage().substring(e.getMessage().indexOf(": ",
        e.source().length()) + 2).replaceFirst("^[a-z ]+: ", ""));
  }

  private static void member(ExportFiles files, ExportMember m, String src, ImportOptions options,
      List<Conversation> out, Map<String, List<MetaParser.Part>> metaThreads, boolean single)
      throws UnreadableExport {
    byte[] bytes = m.content();
    Detected d = detect(bytes);
    String name = m.fileName().toLowerCase(Locale.ROOT);
    switch (d) {
      case SMS -> out.addAll(SmsBackupParser.parse(src, new java.io.ByteArrayInputStream(bytes), options.limits()));
      case JSON -> json(files, m, src, options, out, metaThreads, single);
      case TEXT -> text(files, m, src, options, out, single);
      case EMPTY -> {
        if (single || name.endsWith(".txt")) {
          out.add(WhatsAppParser.parse(src, "", files, m.folder(), options));
        }
      }
      case SMS_CALL_LOG, HTML, XML_OTHER, BINARY -> {
        if (single) {
          throw new UnreadableExport(src, Reason.UNRECOGNISED_FORMAT, switch (d) {
            case SMS_CALL_LOG -> "a call log (<calls>), not a message backup";
            case HTML -> "an HTML export; please upload the JSON or text export instead";
            case BINARY -> "a binary file, not a chat export";
            default -> "XML that is not an SMS Backup & Restore file";
          });
        }
      }
      default -> throw new IllegalStateException("zip member detected as zip");
    }
  }

  private static void json(ExportFiles files, ExportMember m, String src, ImportOptions options,
      List<Conversation> out, Map<String, List<MetaParser.Part>> metaThreads, boolean single)
      throws UnreadableExport {
    String name = m.fileName().toLowerCase(Locale.ROOT);
    if (!single && (name.equals("snap_history.json") || name.equals("channel.json")
        || name.equals("index.json"))) {
      return;
    }
    if (m.content().length > STREAM_JSON_BYTES) {
      if (TelegramStream.sniff(src, m.content(), options)) {
        out.addAll(TelegramStream.parse(src, m.content(), files, m.folder(), options));
        return;
      }
      java.util.Set<String> keys = JsonTree.topLevelKeys(src, m.content(), options.limits());
      if (keys.contains("channel") && keys.contains("messages")) {
        out.add(DiscordExporterParser.stream(src, m.content(), files, m.folder(), options.limits()));
        return;
      }
      if (m.fileName().equalsIgnoreCase("chat_history.json") && !keys.contains(SnapchatParser.LEGACY_RECEIVED)
          && !keys.contains(SnapchatParser.LEGACY_SENT)) {
        out.addAll(SnapchatParser.stream(src, m.content(), files, options.limits()));
        return;
      }
      if (m.content().length > MAX_TREE_JSON_BYTES) {
        throw new UnreadableExport(src, Reason.TOO_LARGE, "JSON larger than " + (MAX_TREE_JSON_BYTES >> 20)
            + " MiB is accepted only for Telegram, DiscordChatExporter and Snapchat chat_history.json exports, which"
            + " are streamed");
      }
    }
    Object tree = JsonTree.parse(src, m.content(), options.limits());
    Map<String, Object> o = JsonTree.obj(tree);
    if (o != null && MetaParser.isE2ee(o)) {
      metaThreads.put(m.path(), new ArrayList<>(List.of(new MetaParser.Part(m.path(), o))));
    } else if (o != null && MetaParser.isClassic(o)) {
      metaThreads.computeIfAbsent(m.folder(), f -> new ArrayList<>()).add(new MetaParser.Part(m.path(), o));
    } else if (o != null && DiscordExporterParser.looksLikeJson(o)) {
      out.add(DiscordExporterParser.json(o, files, m.folder()));
    } else if (o != null && TelegramParser.looksLikeTelegram(o)) {
      out.addAll(TelegramParser.parse(o, files, m.folder(), options));
    } else if (o != null && SnapchatParser.looksLikeSnapchat(o)) {
      out.addAll(SnapchatParser.parse(o, files));
    } else if (single) {
      throw new UnreadableExport(src, Reason.UNRECOGNISED_FORMAT, "JSON of no known chat export layout");
    }
  }

  private static void text(ExportFiles files, ExportMember m, String src, ImportOptions options,
      List<Conversation> out, boolean single) throws UnreadableExport {
    String text = Texts.utf8(src, m.content());
    String head = text.length() > HEAD ? text.substring(0, HEAD) : text;
    int nl = head.indexOf('\n');
    String firstLine = nl < 0 ? head : head.substring(0, nl);
    if (DiscordExporterParser.looksLikeCsv(firstLine)) {
      out.add(DiscordExporterParser.csv(src, text));
    } else if (DiscordTextParser.looksLikeText(head)) {
      out.add(DiscordTextParser.parse(text, options));
    } else {
      ChatFormat f = WhatsAppParser.sniff(head);
      if (f == ChatFormat.SIGNAL) {
        out.add(WhatsAppParser.parseSignalText(src, text, files, m.folder(), options));
      } else if (f == ChatFormat.WHATSAPP) {
        Conversation c = WhatsAppParser.parse(src, text, files, m.folder(), options);
        String title = ChatTitles.fromFileName(m.fileName());
        if (title == null && !files.singleFile()) {
          title = ChatTitles.fromFileName(files.sourceName());
        }
        out.add(title == null ? c : new Conversation(c.format(), c.variant(), title, c.participants(), c.messages(),
            c.missing(), c.warnings()));
      } else if (single) {
        throw new UnreadableExport(src, Reason.UNRECOGNISED_FORMAT, "text with no known chat header in its first"
            + " lines");
      }
    }
  }
}
