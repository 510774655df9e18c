package org.filet.server.conversations;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The notes the export readers leave (what may be missing, how dates were read, why a file was refused), in the
 * reader's language. The readers write each note as one English sentence of a fixed shape; each shape is a finding
 * with its code and parameters, shown through the message {@code conv.note.<code>}. A note of no known shape is
 * shown as {@code conv.note.other}, without its English text.
 * {@code ${@parserNotes.text(note, #locale)}} on pages.
 */
@Component("parserNotes")
public class ParserNotes {

    /** A note read as a finding: its message key and parameters. */
    public record Finding(String code, List<String> args) {}

    private record Shape(String code, Pattern pattern) {}

    private static final List<Shape> SHAPES = new ArrayList<>();

    private static void shape(String code, String regex) {
        SHAPES.add(new Shape(code, Pattern.compile(regex)));
    }

    static {
        // WhatsApp
        shape("date-order-given", "dates read as (day/month|month/day) as given with the upload");
        shape(
                "date-order-conflicting",
                "ambiguous date order: (\\d+) distinct date\\(s\\) written like '([^']+)' read as (day/month|month/day) \\(values above 12 in both positions.*");
        shape(
                "date-order-decreasing",
                "ambiguous date order: (\\d+) distinct date\\(s\\) written like '([^']+)' read as (day/month|month/day) \\(guessed from a decreasing.*");
        shape(
                "date-order-frequency",
                "ambiguous date order: (\\d+) distinct date\\(s\\) written like '([^']+)' read as (day/month|month/day) \\(guessed from which number.*");
        shape(
                "date-order-default",
                "ambiguous date order: (\\d+) distinct date\\(s\\) written like '([^']+)' read as (day/month|month/day) \\(.*");
        shape("date-swapped", "line (\\d+): date valid only with day and month swapped; read swapped");
        shape("hour-impossible", "line (\\d+): impossible 12-hour time; hour kept as written");
        shape("date-invalid", "line (\\d+): the date or time is not a valid calendar value; kept as written only");
        shape("dst-gap", "line (\\d+): time falls in a daylight-saving gap of the assumed zone.*");
        shape("dst-overlap", "line (\\d+): time falls in a daylight-saving overlap of the assumed zone.*");
        shape("calendar-converted", "dates read in the (.+) calendar \\(from their years\\).*");
        shape("whatsapp-recent-only", "WhatsApp keeps only the most recent messages in an export.*");
        shape("whatsapp-cap", "this export holds (\\d+) entries, close to WhatsApp's export cap.*");
        shape("attachments-absent", "(\\d+) attachment\\(s\\) named in the chat are not in the upload");
        shape("body-colon-dot", "line (\\d+): body ':\\.' without a space.*");
        shape("line-note", "line (\\d+): .*");
        // every reader: characters a database cannot hold
        shape(
                "characters-unstorable",
                "(\\d+) character\\(s\\) that a database cannot store .* were replaced with U\\+FFFD: .*");
        // Discord
        shape("discord-own-only", "Discord's data package holds only the requester's own messages.*");
        shape("footer-count-unreadable", "line (\\d+): unreadable message count in the footer");
        shape("footer-count-differs", "the footer declares (\\d+) message\\(s\\) but (\\d+) were read");
        shape("row-unparsed", "line (\\d+): not a message row; kept as unparsed");
        shape("entry-no-time", "(.+): no readable timestamp; kept as unparsed");
        shape("export-count-differs", "the export declares (\\d+) message\\(s\\) but holds (\\d+)");
        shape("discord-cdn", "Discord CDN attachment links expire.*");
        // SMS backups
        shape("sms-no-date", "record (\\d+): no readable 'date'; no instant");
        shape("sms-draft", "record (\\d+): a draft, never sent");
        shape("mms-seconds", "record (\\d+): MMS date in seconds; read as seconds");
        shape("mms-not-base64", "record (\\d+): MMS part data is not valid base64; not hashed");
        shape("xml-breaks-off", "the XML breaks off.*; the (\\d+) complete record\\(s\\) before it are kept");
        shape("backup-count-differs", "the backup declares (\\d+) record\\(s\\) but holds (\\d+)");
        shape("surrogates-joined", "(\\d+) split surrogate character reference pair\\(s\\) joined before parsing");
        shape(
                "characters-replaced",
                "(\\d+) character reference\\(s\\) to characters XML forbids replaced by U\\+FFFD");
        shape("sms-on-phone-only", "only messages still on the phone at backup time are included.*");
        shape("file-cut", "the file is cut or damaged after record (\\d+).*");
        // Snapchat
        shape("time-ordered-newest-first", "entries put in time order \\(the export lists them newest first\\).*");
        shape("snap-merged", "received and sent lists merged in time order");
        shape("snap-entry-no-time", "entry (\\d+): no readable time; kept as unparsed");
        shape("snap-saved-only-old", "this older Snapchat export holds saved messages only.*");
        shape("snap-saved-only", "Snapchat exports the text of saved messages only.*");
        shape("snap-unsaved", "(\\d+) text message\\(s\\) here have no text because they were not saved");
        shape("media-absent", "(\\d+) media item\\(s\\) referenced but not in the upload");
        // Telegram
        shape("telegram-date-kept", "messages\\[(\\d+)\\]: 'date' is not an ISO local date-time; kept as written");
        shape("entry-not-object", "messages\\[(\\d+)\\]: not an object; kept as unparsed");
        shape("telegram-edited-marker", "'edited' holds the never-edited marker .*");
        shape("telegram-deleted-absent", "messages deleted before the export are absent from Telegram exports");
        shape("media-files-absent", "(\\d+) media file\\(s\\) referenced but not included in the upload");
        // Messenger and Instagram
        shape("meta-no-timestamp", "(.+) messages\\[(\\d+)\\]: no timestamp; kept as unparsed");
        shape("time-ordered-parts", "entries put in time order across the part files.*");
        shape("meta-read-as-messenger", "Messenger and Instagram share this layout.*");
        shape("meta-e2ee-history-elsewhere", "history from before the chat switched to end-to-end encryption.*");
        shape("meta-e2ee-later-elsewhere", "messages sent after the chat switched to end-to-end encryption.*");
        shape("meta-members-now", "the participant list shows members at export time.*");
        shape("thread-media-absent", "(\\d+) media file\\(s\\) referenced by the thread are not in the upload");
        // the limits on bounded work (issue 14): what was counted and not read or kept, never a refusal of the file
        shape(
                "archive-entries-unread",
                "(.*): zip bomb: the archive holds (\\d+) entries, more than \\d+ entries: only the "
                        + "first (\\d+) were read \\(\\d+ files\\), the other (\\d+) were counted and not read");
        shape(
                "conversations-over-limit",
                "(\\d+) conversations read, only the first (\\d+) kept \\(limit of \\d+ "
                        + "conversations per report.*\\): the other (\\d+) were counted and not kept.*");
    }

    private static final Pattern REFUSAL = Pattern.compile(
            "(.*): (unrecognised format|malformed|invalid encoding|too large|"
                    + "line too long|too deep|zip slip|zip bomb|symlink|path escape|dtd forbidden|io): .*",
            Pattern.DOTALL);

    private final MessageSource messages;

    ParserNotes(MessageSource messages) {
        this.messages = messages;
    }

    /** The note as a finding; {@code other} with no parameters when its shape is unknown. */
    public static Finding read(String note) {
        for (Shape s : SHAPES) {
            if (s.code().equals("archive-entries-unread")) {
                Matcher m = s.pattern().matcher(note);
                if (m.matches()) {
                    return new Finding(s.code(), groups(m)); // not the zip-bomb refusal it is worded as
                }
            }
        }
        Matcher refusal = REFUSAL.matcher(note);
        if (refusal.matches()) {
            return new Finding("refused." + refusal.group(2).replace(' ', '_'), List.of(refusal.group(1)));
        }
        // the more specific shapes first: a "line N: …" note of a known shape before the catch-all line note
        for (Shape s : SHAPES) {
            if (s.code().equals("line-note")) {
                continue;
            }
            Matcher m = s.pattern().matcher(note);
            if (m.matches()) {
                return new Finding(s.code(), groups(m));
            }
        }
        Matcher line = SHAPES.stream()
                .filter(s -> s.code().equals("line-note"))
                .findFirst()
                .orElseThrow()
                .pattern()
                .matcher(note);
        if (line.matches()) {
            return new Finding("line-note", groups(line));
        }
        return new Finding("other", List.of());
    }

    /** Every finding code (for the bundle check). */
    public static List<String> codes() {
        List<String> out = new ArrayList<>(SHAPES.stream().map(Shape::code).toList());
        out.add("other");
        for (String reason : List.of(
                "unrecognised_format",
                "malformed",
                "invalid_encoding",
                "too_large",
                "line_too_long",
                "too_deep",
                "zip_slip",
                "zip_bomb",
                "symlink",
                "path_escape",
                "dtd_forbidden",
                "io")) {
            out.add("refused." + reason);
        }
        return out;
    }

    /** The note in the reader's language. */
    public String text(String note, Locale locale) {
        Finding f = read(note);
        Object[] args = f.args().stream().map(a -> (Object) word(a, locale)).toArray();
        return messages.getMessage("conv.note." + f.code(), args, locale);
    }

    /** A date order written by the reader ("day/month") in words. */
    private String word(String arg, Locale locale) {
        return switch (arg) {
            case "day/month" -> messages.getMessage("conv.order.daymonth", null, locale);
            case "month/day" -> messages.getMessage("conv.order.monthday", null, locale);
            default -> arg;
        };
    }

    private static List<String> groups(Matcher m) {
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= m.groupCount(); i++) {
            out.add(m.group(i));
        }
        return out;
    }
}
