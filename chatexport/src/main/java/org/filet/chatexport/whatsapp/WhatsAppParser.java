package org.filet.chatexport.whatsapp;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.filet.chatexport.ChatFormat;
import org.filet.chatexport.Conversation;
import org.filet.chatexport.ImportOptions;
import org.filet.chatexport.Message;
import org.filet.chatexport.MessageKind;
import org.filet.chatexport.Participant;
import org.filet.chatexport.UnreadableExport;
import org.filet.chatexport.UnreadableExport.Reason;
import org.filet.chatexport.source.ExportFiles;
import org.filet.chatexport.util.Warnings;
import org.jspecify.annotations.Nullable;

/**
 * Parses a WhatsApp chat text. Every header line starts a message; other lines continue the previous one (captions,
 * multi-line text); lines before the first header become {@link MessageKind#UNPARSED} entries. File order is kept.
 * Times are wall-clock values; they become instants only with {@link ImportOptions#assumedZone()}.
 */
public final class WhatsAppParser {
  static final int TRUNCATION_HINT = 9_500;

  private WhatsAppParser() {}

  private static final class Entry {
    final int line;
    final @Nullable Header header;
    final String first;
    @Nullable StringBuilder more;

    Entry(int line, @Nullable Header header, String first) {
      this.line = line;
      this.header = header;
      this.first = first;
    }
  }

  /**
   * Requires {@code text} to be the decoded chat; {@code files} (may be null) holds the other members of the upload
   * and {@code chatFolder} the chat file's folder within it, for attachment lookup.
   */
  public static Conversation parse(String source, String text, @Nullable ExportFiles files, String chatFolder,
      ImportOptions options) throws UnreadableExport {
    return parse(source, text, files, chatFolder, options, ChatFormat.WHATSAPP);
  }

  /**
   * The Markdown-like text that the third-party signal-export tool writes for Signal Desktop
   * ({@code [yyyy-mm-dd, HH:MM] Name: text}) has the same line grammar.
   */
  public static Conversation parseSignalText(String source, String text, @Nullable ExportFiles files,
      String chatFolder, ImportOptions options) throws UnreadableExport {
    return parse(source, text, files, chatFolder, options, ChatFormat.SIGNAL);
  }

  /** What the first lines of a text look like: WhatsApp, Signal (signal-export), or neither. */
  public static @Nullable ChatFormat sniff(String head) {
    int headers = 0;
    int signalLike = 0;
    int lines = 0;
    for (String line : head.split("\r\n|\n|\r", 200)) {
      if (++lines > 199) {
        break;
      }
      Header h = HeaderScanner.scan(line);
      if (h != null) {
        headers++;
        if (h.bracket() && h.yearPos() == 0 && h.dateSep() == '-' && h.second() < 0) {
          signalLike++;
        }
      }
    }
    if (headers == 0) {
      return null;
    }
    return signalLike == headers ? ChatFormat.SIGNAL : ChatFormat.WHATSAPP;
  }

  private static Conversation parse(String source, String text, @Nullable ExportFiles files, String chatFolder,
      ImportOptions options, ChatFormat format) throws UnreadableExport {
    List<Entry> entries = split(source, text, options.limits().maxLineChars());
    Warnings warnings = new Warnings();
    Map<Integer, DateOrder.Decision> orders = decideOrders(entries, options, warnings);
    BodyReader bodies = new BodyReader(files, chatFolder);
    ZoneId zone = options.assumedZone();
    String app = format == ChatFormat.SIGNAL ? "signal-export" : "WhatsApp";
    String zoneNote = zone == null ? "unknown: " + app + " writes the wall-clock time without a zone"
        : zone.getId() + " (assumed, given with the upload)";
    List<Message> messages = new ArrayList<>(entries.size());
    Map<String, Participant> participants = new LinkedHashMap<>();
    int brackets = 0;
    int dashes = 0;
    int cachedShape = -1;
    DateOrder.Decision cachedOrder = null;
    for (Entry e : entries) {
      Message.Builder b = Message.builder(messages.size(), MessageKind.MESSAGE).position("line " + e.line);
      Header h = e.header;
      if (h == null) {
        messages.add(b.kind(MessageKind.UNPARSED).text(body(e, 0)).build());
        continue;
      }
      if (h.bracket()) {
        brackets++;
      } else {
        dashes++;
      }
      String at = e.first.substring(h.atStart(), h.atEnd());
      b.at(at);
      bodies.noteHeaderLanguage(at);
      int shape = h.shape();
      if (shape != cachedShape) {
        cachedShape = shape;
        cachedOrder = orders.get(shape);
      }
      LocalDateTime local = localTime(h, cachedOrder, e.line, warnings);
      b.local(local).zone(zoneNote);
      if (local != null && zone != null) {
        b.instant(instant(local, zone, e.line, warnings));
      }
      String w = bodies.read(h, e.first, more(e), b);
      if (w != null) {
        warnings.add("line " + e.line + ": " + w);
      }
      Message m = b.build();
      if (m.sender() != null && m.kind() != MessageKind.SYSTEM) {
        participants.computeIfAbsent(m.sender(), n -> new Participant(n, null, phoneOf(n)));
      }
      messages.add(m);
    }
    List<String> missing = new ArrayList<>();
    if (format == ChatFormat.WHATSAPP) {
      missing.add("WhatsApp keeps only the most recent messages in an export (about 40 000 without media, 10 000"
          + " with media) and does not mark the cut; older messages may be missing");
    }
    if (format == ChatFormat.WHATSAPP && messages.size() >= TRUNCATION_HINT) {
      missing.add("this export holds " + messages.size() + " entries, close to WhatsApp's export cap: it is"
          + " probably truncated at the oldest end");
    }
    if (bodies.attachmentsMissing > 0) {
      missing.add(bodies.attachmentsMissing + " attachment(s) named in the chat are not in the upload");
    }
    String platform = brackets > 0 && dashes > 0 ? "mixed" : brackets > 0 ? "ios" : "android";
    String variant = format == ChatFormat.SIGNAL ? "signal-export-text"
        : bodies.language == null ? platform : platform + "-" + bodies.language;
    return new Conversation(format, variant, null, List.copyOf(participants.values()), messages,
        missing, warnings.list());
  }

  private static String body(Entry e, int from) {
    String first = from == 0 ? e.first : e.first.substring(from);
    String more = more(e);
    return more == null ? first : first + more;
  }

  /** Continuation lines, each prefixed by '\n', without trailing blank lines; null when there are none. */
  private static @Nullable String more(Entry e) {
    if (e.more == null) {
      return null;
    }
    int end = e.more.length();
    while (end > 0 && e.more.charAt(end - 1) == '\n') {
      end--;
    }
    return end == 0 ? null : e.more.substring(0, end);
  }

  private static List<Entry> split(String source, String text, int maxLine) throws UnreadableExport {
    List<Entry> entries = new ArrayList<>();
    Entry current = null;
    int n = text.length();
    int pos = 0;
    int lineNo = 0;
    if (n > 0 && text.charAt(0) == '\uFEFF') {
      pos = 1;
    }
    boolean loneCr = hasLoneCr(text);
    int[] scratch = new int[14];
    while (pos < n) {
      int end;
      if (loneCr) {
        end = pos;
        while (end < n && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
          end++;
        }
      } else {
        int nl = text.indexOf('\n', pos);
        end = nl < 0 ? n : nl;
        if (end > pos && text.charAt(end - 1) == '\r') {
          end--;
        }
      }
      lineNo++;
      if (end - pos > maxLine) {
        throw new UnreadableExport(source, Reason.LINE_TOO_LONG, "line " + lineNo + " is longer than " + maxLine
            + " characters");
      }
      String line = text.substring(pos, end);
      Header h = HeaderScanner.scan(line, scratch);
      if (h != null) {
        current = new Entry(lineNo, h, line);
        entries.add(current);
      } else if (current != null) {
        if (current.more == null) {
          current.more = new StringBuilder(line.length() + 1);
        }
        current.more.append('\n').append(line);
      } else if (!line.isBlank()) {
        entries.add(new Entry(lineNo, null, line));
      }
      pos = end;
      if (pos < n && text.charAt(pos) == '\r') {
        pos++;
        if (pos < n && text.charAt(pos) == '\n') {
          pos++;
        }
      } else if (pos < n) {
        pos++;
      }
    }
    return entries;
  }

  /** True if some '\r' is not followed by '\n' (old Mac line ends), which needs the slower splitter. */
  private static boolean hasLoneCr(String text) {
    int i = text.indexOf('\r');
    while (i >= 0) {
      if (i + 1 >= text.length() || text.charAt(i + 1) != '\n') {
        return true;
      }
      i = text.indexOf('\r', i + 2);
    }
    return false;
  }

  private static Map<Integer, DateOrder.Decision> decideOrders(List<Entry> entries, ImportOptions options,
      Warnings warnings) {
    Map<Integer, List<int[]>> byShape = new LinkedHashMap<>();
    Map<Integer, int[]> previous = new HashMap<>();
    int lastShape = -1;
    int[] lastDate = null;
    for (Entry e : entries) {
      Header h = e.header;
      if (h == null || h.yearPos() == 0) {
        continue;
      }
      int first = h.n1();
      int second = h.yearPos() == 1 ? h.n3() : h.n2();
      int year = h.yearPos() == 1 ? h.n2() : h.n3();
      int shape = h.shape();
      int[] prev = shape == lastShape ? lastDate : previous.get(shape);
      if (prev != null && prev[0] == first && prev[1] == second && prev[2] == year) {
        continue; // consecutive repeats add no evidence
      }
      int[] date = {first, second, year};
      previous.put(shape, date);
      lastShape = shape;
      lastDate = date;
      byShape.computeIfAbsent(shape, k -> new ArrayList<>()).add(date);
    }
    Map<Integer, DateOrder.Decision> out = new HashMap<>();
    for (Map.Entry<Integer, List<int[]>> s : byShape.entrySet()) {
      DateOrder.Decision d = options.daysFirst() != null
          ? new DateOrder.Decision(options.daysFirst(), DateOrder.Basis.GIVEN)
          : DateOrder.infer(s.getValue());
      out.put(s.getKey(), d);
      String order = d.daysFirst() ? "day/month" : "month/day";
      if (d.basis() == DateOrder.Basis.GIVEN) {
        warnings.add("dates read as " + order + " as given with the upload");
      } else if (d.ambiguous()) {
        warnings.add("ambiguous date order: " + s.getValue().size() + " distinct date(s) written like '"
            + describe(s.getKey()) + "' read as " + order + " (" + basis(d.basis())
            + "); confirm with the uploader (the phone's region setting)");
      }
    }
    return out;
  }

  private static String describe(int shape) {
    char sep = Header.shapeSep(shape);
    int yearPos = Header.shapeYearPos(shape);
    String y = Header.shapeYearLen(shape) == 4 ? "yyyy" : "yy";
    return yearPos == 1 ? "n" + sep + y + sep + "n" : "n" + sep + "n" + sep + y;
  }

  private static String basis(DateOrder.Basis b) {
    return switch (b) {
      case CONFLICTING_VALUES -> "values above 12 in both positions; each date read where valid";
      case DECREASING -> "guessed from a decreasing first or second number within a year";
      case CHANGE_FREQUENCY -> "guessed from which number changes more often";
      default -> "no evidence; day first assumed";
    };
  }

  private static @Nullable LocalDateTime localTime(Header h, DateOrder.@Nullable Decision order, int line,
      Warnings warnings) {
    int year;
    int month;
    int day;
    if (h.yearPos() == 0) {
      year = h.n1();
      month = h.n2();
      day = h.n3();
    } else {
      int first = h.n1();
      int second = h.yearPos() == 1 ? h.n3() : h.n2();
      year = h.yearPos() == 1 ? h.n2() : h.n3();
      boolean daysFirst = order == null || order.daysFirst();
      if (order != null && order.basis() == DateOrder.Basis.CONFLICTING_VALUES) {
        daysFirst = first > 12 || (second <= 12 && order.daysFirst());
      }
      day = daysFirst ? first : second;
      month = daysFirst ? second : first;
      if (month > 12 && day <= 12) {
        warnings.add("line " + line + ": date valid only with day and month swapped; read swapped");
        int t = day;
        day = month;
        month = t;
      }
    }
    int yearLen = h.yearPos() == 0 ? h.len1() : h.yearPos() == 1 ? h.len2() : h.len3();
    year = calendarYear(year, yearLen, h.era());
    int hour = h.hour();
    if (h.ampm() != 0) {
      if (hour == 0 || hour > 12) {
        warnings.add("line " + line + ": impossible 12-hour time; hour kept as written");
      } else if (h.ampm() == 1 && hour == 12) {
        hour = 0;
      } else if (h.ampm() == 2 && hour < 12) {
        hour += 12;
      }
    }
    try {
      return LocalDateTime.of(year, month, day, hour, h.minute(), Math.max(h.second(), 0));
    } catch (DateTimeException ex) {
      warnings.add("line " + line + ": the date or time is not a valid calendar value; kept as written only");
      return null;
    }
  }

  private static int calendarYear(int year, int len, char era) {
    return switch (era) {
      case 'B' -> year - 543;
      case 'R' -> 2018 + year;
      case 'H' -> 1988 + year;
      case 'S' -> 1925 + year;
      case 'T' -> 1911 + year;
      case 'M' -> 1867 + year;
      default -> len <= 2 ? 2000 + year : year;
    };
  }

  private static java.time.Instant instant(LocalDateTime local, ZoneId zone, int line, Warnings warnings) {
    ZoneRules rules = zone.getRules();
    int offsets = rules.getValidOffsets(local).size();
    if (offsets != 1) {
      warnings.add("line " + line + ": time falls in a daylight-saving " + (offsets == 0 ? "gap" : "overlap")
          + " of the assumed zone; the earlier offset was used");
    }
    return local.atZone(zone).toInstant();
  }

  static @Nullable String phoneOf(String name) {
    String s = name.replace('\u00A0', ' ').replace('\u202F', ' ');
    if (s.startsWith("~")) {
      return null;
    }
    int digits = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isDigit(c)) {
        digits++;
      } else if (c != '+' && c != ' ' && c != '-' && c != '(' && c != ')') {
        return null;
      }
    }
    return digits >= 6 && (s.startsWith("+") || digits >= 8) ? s.strip() : null;
  }
}
