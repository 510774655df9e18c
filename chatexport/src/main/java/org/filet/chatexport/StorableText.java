package org.filet.chatexport;

import java.util.ArrayList;
import java.util.List;
import org.filet.conversation.Attachment;
import org.filet.conversation.Conversation;
import org.filet.conversation.Message;
import org.filet.conversation.Participant;
import org.jspecify.annotations.Nullable;

/**
 * The one place where text a database cannot store is removed from what the parsers emit: NUL (U+0000, refused by
 * PostgreSQL in {@code text} and {@code jsonb}), unpaired surrogate halves (from JSON {@code \ud800} escapes, character
 * references, CESU-8 bytes) and non-characters (U+FFFE, U+FFFF, U+FDD0–U+FDEF and the last two code points of every
 * plane) are each replaced with U+FFFD. A conversation that needed it gets one warning saying how many characters were
 * replaced and in which fields (and which messages), never what they were next to.
 *
 * <p>Applied by {@link ChatImport} to every conversation and refusal of every parser, and by {@link ConversationJson}
 * to conversations read back (parses stored before this rule existed).
 */
public final class StorableText {
    /** The replacement character. */
    public static final char REPLACEMENT = '\uFFFD';

    private static final int LISTED_MESSAGES = 10;

    private StorableText() {}

    /** Whether {@code s} holds none of the characters this class replaces. */
    public static boolean isStorable(String s) {
        return firstBad(s) < 0;
    }

    /** {@code s} with every character a database cannot store replaced by U+FFFD; {@code s} itself when it has none. */
    public static String clean(String s) {
        return firstBad(s) < 0 ? s : replace(s, firstBad(s), null);
    }

    /** Index of the first char to replace, or -1. */
    private static int firstBad(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 0 || c >= '\uD800' && bad(s, i, c)) {
                return i;
            }
        }
        return -1;
    }

    /** For {@code c >= U+D800}: a lone surrogate half, a BMP non-character, or a supplementary non-character's pair. */
    private static boolean bad(String s, int i, char c) {
        if (Character.isHighSurrogate(c)) {
            if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                return true;
            }
            int cp = Character.toCodePoint(c, s.charAt(i + 1));
            return (cp & 0xFFFE) == 0xFFFE;
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
        }
        return c >= '\uFDD0' && c <= '\uFDEF' || c >= '\uFFFE';
    }

    private static String replace(String s, int from, int @Nullable [] count) {
        StringBuilder b = new StringBuilder(s.length());
        b.append(s, 0, from);
        int i = from;
        int n = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == 0 || c >= '\uD800' && bad(s, i, c)) {
                b.append(REPLACEMENT);
                n++;
                // a supplementary non-character is one character: replace its two halves once
                i += Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
                        ? 2
                        : 1;
            } else {
                b.append(c);
                i++;
            }
        }
        if (count != null) {
            count[0] += n;
        }
        return b.toString();
    }

    /** The refusal with its file name and detail made storable (archive member names can hold anything). */
    public static UnreadableExport clean(UnreadableExport e) {
        if (isStorable(e.source()) && isStorable(e.detail())) {
            return e;
        }
        return new UnreadableExport(clean(e.source()), e.reason(), clean(e.detail()), e.getCause());
    }

    /** Every conversation and refusal of {@code r} made storable. */
    public static ImportResult clean(ImportResult r) {
        List<Conversation> cs = new ArrayList<>(r.conversations().size());
        boolean changed = false;
        for (Conversation c : r.conversations()) {
            Conversation clean = clean(c);
            changed |= clean != c;
            cs.add(clean);
        }
        List<UnreadableExport> refused = new ArrayList<>(r.refused().size());
        for (UnreadableExport e : r.refused()) {
            UnreadableExport clean = clean(e);
            changed |= clean != e;
            refused.add(clean);
        }
        return changed ? new ImportResult(cs, refused, r.unreadEntries()) : r;
    }

    /**
     * {@code c} with every string made storable and, when something was replaced, a warning naming how many characters
     * in which fields; {@code c} itself when nothing needed it.
     */
    public static Conversation clean(Conversation c) {
        Tally t = new Tally();
        List<Message> messages = new ArrayList<>(c.messages().size());
        for (Message m : c.messages()) {
            messages.add(t.message(m));
        }
        List<Participant> participants = new ArrayList<>(c.participants().size());
        for (Participant p : c.participants()) {
            int before = t.senders[0];
            String name = t.field(p.displayName(), t.senders);
            String id = t.field(p.stableId(), t.senders);
            String phone = t.field(p.phone(), t.senders);
            participants.add(t.senders[0] == before ? p : new Participant(name == null ? "" : name, id, phone));
        }
        String title = t.field(c.title(), t.titles);
        String variant = t.field(c.variant(), t.other);
        List<String> missing = t.fields(c.missing(), t.other);
        List<String> warnings = t.fields(c.warnings(), t.other);
        if (t.total() == 0) {
            return c;
        }
        List<String> noted = new ArrayList<>(warnings);
        noted.add(t.finding());
        return new Conversation(
                c.format(), variant == null ? "" : variant, title, participants, messages, missing, noted);
    }

    /** Counts replacements per kind of field while a conversation is cleaned. */
    private static final class Tally {
        final int[] texts = new int[1];
        final int[] senders = new int[1];
        final int[] titles = new int[1];
        final int[] attachments = new int[1];
        final int[] other = new int[1];
        final List<Integer> messagesTouched = new ArrayList<>();

        int total() {
            return texts[0] + senders[0] + titles[0] + attachments[0] + other[0];
        }

        @Nullable
        String field(@Nullable String s, int[] count) {
            if (s == null) {
                return null;
            }
            int at = firstBad(s);
            return at < 0 ? s : replace(s, at, count);
        }

        List<String> fields(List<String> values, int[] count) {
            List<String> out = null;
            for (int i = 0; i < values.size(); i++) {
                String v = values.get(i);
                String clean = field(v, count);
                if (clean != v && out == null) {
                    out = new ArrayList<>(values.subList(0, i));
                }
                if (out != null) {
                    out.add(clean);
                }
            }
            return out == null ? values : out;
        }

        Message message(Message m) {
            int before = total();
            String sender = field(m.sender(), senders);
            String senderId = field(m.senderId(), senders);
            String text = field(m.text(), texts);
            String at = field(m.at(), other);
            String zone = field(m.zone(), other);
            String position = field(m.position(), other);
            List<Attachment> attachments = m.attachments();
            for (int i = 0; i < attachments.size(); i++) {
                Attachment a = attachments.get(i);
                String path = field(a.path(), this.attachments);
                if (path != a.path()) {
                    if (attachments == m.attachments()) {
                        attachments = new ArrayList<>(m.attachments());
                    }
                    attachments.set(i, new Attachment(path, a.sha256()));
                }
            }
            if (total() == before) {
                return m;
            }
            messagesTouched.add(m.index());
            return new Message(
                    m.index(),
                    m.kind(),
                    sender,
                    senderId,
                    text,
                    at,
                    m.local(),
                    m.instant(),
                    zone,
                    attachments,
                    m.flags(),
                    position);
        }

        /** The warning: counts per field and the first message indices, never the text around them. */
        String finding() {
            List<String> parts = new ArrayList<>();
            part(parts, texts[0], "message text");
            part(parts, senders[0], "sender names or ids");
            part(parts, titles[0], "the conversation title");
            part(parts, attachments[0], "attachment names");
            part(parts, other[0], "other fields (times, positions, notes)");
            StringBuilder b = new StringBuilder()
                    .append(total())
                    .append(
                            " character(s) that a database cannot store (NUL, unpaired surrogate halves, non-characters) were"
                                    + " replaced with U+FFFD: ")
                    .append(String.join(", ", parts));
            if (!messagesTouched.isEmpty()) {
                b.append("; in message(s) ");
                for (int i = 0; i < Math.min(LISTED_MESSAGES, messagesTouched.size()); i++) {
                    b.append(i == 0 ? "" : ", ").append(messagesTouched.get(i) + 1);
                }
                if (messagesTouched.size() > LISTED_MESSAGES) {
                    b.append(" and ")
                            .append(messagesTouched.size() - LISTED_MESSAGES)
                            .append(" more");
                }
                b.append(" (counted from 1)");
            }
            return b.toString();
        }

        private static void part(List<String> parts, int n, String where) {
            if (n > 0) {
                parts.add(n + " in " + where);
            }
        }
    }
}
