package org.filet.chatexport.whatsapp;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.filet.chatexport.ImportOptions;
import org.filet.chatexport.UnreadableExport;
import org.filet.chatexport.source.ExportFiles;
import org.filet.chatexport.util.Warnings;
import org.filet.conversation.ChatFormat;
import org.filet.conversation.Conversation;
import org.filet.conversation.Message;
import org.filet.conversation.MessageKind;
import org.filet.conversation.Participant;
import org.jspecify.annotations.Nullable;

/**
 * Parses a WhatsApp chat text. Every header line starts a message; other lines continue the previous one (captions,
 * multi-line text); lines before the first header become {@link MessageKind#UNPARSED} entries. File order is kept.
 * Times are wall-clock values; they become instants only with {@link ImportOptions#assumedZone()}.
 */
public final class WhatsAppParser {
    static final int TRUNCATION_HINT = 9_500;

    private WhatsAppParser() {}

    /**
     * Requires {@code text} to be the decoded chat; {@code files} (may be null) holds the other members of the upload
     * and {@code chatFolder} the chat file's folder within it, for attachment lookup.
     */
    public static Conversation parse(
            String source, String text, @Nullable ExportFiles files, String chatFolder, ImportOptions options)
            throws UnreadableExport {
        return parse(source, text, files, chatFolder, options, ChatFormat.WHATSAPP);
    }

    /**
     * The Markdown-like text that the third-party signal-export tool writes for Signal Desktop
     * ({@code [yyyy-mm-dd, HH:MM] Name: text}) has the same line grammar.
     */
    public static Conversation parseSignalText(
            String source, String text, @Nullable ExportFiles files, String chatFolder, ImportOptions options)
            throws UnreadableExport {
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

    private static Conversation parse(
            String source,
            String text,
            @Nullable ExportFiles files,
            String chatFolder,
            ImportOptions options,
            ChatFormat format)
            throws UnreadableExport {
        int maxLine = options.limits().maxLineChars();
        Warnings warnings = new Warnings();
        // First pass: date evidence only, so that no line needs to be kept for the day/month decision.
        DateEvidence evidence = new DateEvidence();
        Lines.forEach(source, text, maxLine, (lineNo, line, h) -> {
            if (h != null) {
                evidence.add(h);
            }
            return !evidence.settled();
        });
        Map<Integer, DateOrder.Decision> orders = new HashMap<>(evidence.decide(options, warnings));
        Assembler assembler = new Assembler(
                format,
                new BodyReader(files, chatFolder),
                options,
                orders,
                warnings,
                shape -> lateDecision(source, text, maxLine, shape, options, warnings));
        Lines.forEach(source, text, maxLine, assembler::line);
        return assembler.finish();
    }

    /** Decides a shape first met after the first pass stopped, from the whole file. */
    private static DateOrder.@Nullable Decision lateDecision(
            String source, String text, int maxLine, int shape, ImportOptions options, Warnings warnings)
            throws UnreadableExport {
        DateEvidence evidence = new DateEvidence(shape);
        Lines.forEach(source, text, maxLine, (lineNo, line, h) -> {
            if (h != null) {
                evidence.add(h);
            }
            return true;
        });
        return evidence.decide(options, warnings).get(shape);
    }

    /** Supplies a decision for a date shape that has none yet. */
    private interface LateDecider {
        DateOrder.@Nullable Decision decide(int shape) throws UnreadableExport;
    }

    /** Second pass: turns headers and their continuation lines into messages, in file order. */
    private static final class Assembler {
        private final ChatFormat format;
        private final BodyReader bodies;
        private final @Nullable ZoneId zone;
        private final String zoneNote;
        private final Map<Integer, DateOrder.Decision> orders;
        private final Warnings warnings;
        private final LateDecider late;
        private final List<Message> messages = new ArrayList<>();
        private final Map<String, Participant> participants = new LinkedHashMap<>();
        private final Set<Calendars> calendars = EnumSet.noneOf(Calendars.class);
        private int brackets;
        private int dashes;
        private int cachedShape = -1;
        private DateOrder.@Nullable Decision cachedOrder;
        private @Nullable String lastAt;
        private @Nullable LocalDateTime lastLocal;
        private int currentLine;
        private @Nullable Header current;
        private @Nullable String currentFirst;
        private @Nullable StringBuilder more;

        Assembler(
                ChatFormat format,
                BodyReader bodies,
                ImportOptions options,
                Map<Integer, DateOrder.Decision> orders,
                Warnings warnings,
                LateDecider late) {
            this.format = format;
            this.bodies = bodies;
            this.zone = options.assumedZone();
            this.late = late;
            String app = format == ChatFormat.SIGNAL ? "signal-export" : "WhatsApp";
            this.zoneNote = zone == null
                    ? "unknown: " + app + " writes the wall-clock time without a zone"
                    : zone.getId() + " (assumed, given with the upload)";
            this.orders = orders;
            this.warnings = warnings;
        }

        boolean line(int lineNo, String line, @Nullable Header h) throws UnreadableExport {
            if (h != null) {
                flush();
                current = h;
                currentLine = lineNo;
                currentFirst = line;
            } else if (current != null) {
                if (more == null) {
                    more = new StringBuilder(line.length() + 1);
                }
                more.append('\n').append(line);
            } else if (!line.isBlank()) {
                messages.add(Message.builder(messages.size(), MessageKind.UNPARSED)
                        .text(line)
                        .position("line " + lineNo)
                        .build());
            }
            return true;
        }

        private @Nullable String moreText() {
            if (more == null) {
                return null;
            }
            int end = more.length();
            while (end > 0 && more.charAt(end - 1) == '\n') {
                end--;
            }
            String s = end == 0 ? null : more.substring(0, end);
            more = null;
            return s;
        }

        private void flush() throws UnreadableExport {
            Header h = current;
            String first = currentFirst;
            if (h == null || first == null) {
                return;
            }
            current = null;
            int line = currentLine;
            Message.Builder b =
                    Message.builder(messages.size(), MessageKind.MESSAGE).position("line " + line);
            if (h.bracket()) {
                brackets++;
            } else {
                dashes++;
            }
            int atLen = h.atEnd() - h.atStart();
            String at = lastAt != null && lastAt.length() == atLen && first.startsWith(lastAt, h.atStart())
                    ? lastAt
                    : first.substring(h.atStart(), h.atEnd());
            lastAt = at;
            b.at(at);
            bodies.noteHeaderLanguage(at);
            int shape = h.shape();
            if (shape != cachedShape) {
                cachedShape = shape;
                cachedOrder = orders.get(shape);
                if (cachedOrder == null && h.yearPos() != 0) {
                    cachedOrder = late.decide(shape);
                    if (cachedOrder != null) {
                        orders.put(shape, cachedOrder);
                    }
                }
            }
            LocalDateTime local = localTime(h, cachedOrder, line, warnings, calendars);
            if (local != null && local.equals(lastLocal)) {
                local = lastLocal; // share equal values: Android exports have minute resolution
            }
            lastLocal = local;
            b.local(local).zone(zoneNote);
            if (local != null && zone != null) {
                b.instant(instant(local, zone, line, warnings));
            }
            String w = bodies.read(h, first, moreText(), b);
            if (w != null) {
                warnings.add("line " + line + ": " + w);
            }
            Message m = b.build();
            String sender = m.sender();
            if (sender != null && m.kind() != MessageKind.SYSTEM && !participants.containsKey(sender)) {
                participants.put(sender, new Participant(sender, null, phoneOf(sender)));
            }
            messages.add(m);
        }

        Conversation finish() throws UnreadableExport {
            flush();
            List<String> missing = new ArrayList<>();
            if (format == ChatFormat.WHATSAPP) {
                missing.add(
                        "WhatsApp keeps only the most recent messages in an export (about 40 000 without media, 10 000"
                                + " with media) and does not mark the cut; older messages may be missing");
            }
            if (format == ChatFormat.WHATSAPP && messages.size() >= TRUNCATION_HINT) {
                missing.add("this export holds " + messages.size() + " entries, close to WhatsApp's export cap: it is"
                        + " probably truncated at the oldest end");
            }
            if (bodies.attachmentsMissing > 0) {
                missing.add(bodies.attachmentsMissing + " attachment(s) named in the chat are not in the upload");
            }
            for (Calendars c : calendars) { // calendars read from the year alone, not stated by an era mark
                warnings.add("dates read in the " + c.label() + " calendar (from their years) and converted to the"
                        + " Gregorian calendar; confirm with the uploader (the phone's calendar setting)");
            }
            String platform = brackets > 0 && dashes > 0 ? "mixed" : brackets > 0 ? "ios" : "android";
            String variant = format == ChatFormat.SIGNAL
                    ? "signal-export-text"
                    : bodies.language == null ? platform : platform + "-" + bodies.language;
            return new Conversation(
                    format, variant, null, List.copyOf(participants.values()), messages, missing, warnings.list());
        }
    }

    private static @Nullable LocalDateTime localTime(
            Header h, DateOrder.@Nullable Decision order, int line, Warnings warnings, Set<Calendars> calendars) {
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
        Calendars calendar = Calendars.of(year, yearLen, h.era());
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
            LocalDateTime local = calendar.toGregorian(year, month, day, yearLen, h.era())
                    .atTime(hour, h.minute(), Math.max(h.second(), 0));
            if (calendar != Calendars.GREGORIAN && h.era() == 0) {
                calendars.add(calendar);
            }
            return local;
        } catch (DateTimeException ex) {
            warnings.add("line " + line + ": the date or time is not a valid calendar value; kept as written only");
            return null;
        }
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
