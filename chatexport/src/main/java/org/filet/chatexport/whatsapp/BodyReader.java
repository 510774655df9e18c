package org.filet.chatexport.whatsapp;

import org.filet.chatexport.UnreadableExport;
import org.filet.chatexport.source.ExportFiles;
import org.filet.conversation.Attachment;
import org.filet.conversation.Message;
import org.filet.conversation.MessageFlag;
import org.filet.conversation.MessageKind;
import org.jspecify.annotations.Nullable;

/** Splits a header's body into author and text, and classifies it (system, deleted, media, attachment, edited). */
final class BodyReader {
    private final @Nullable ExportFiles files;
    private final String chatFolder;
    int attachmentsMissing;

    @Nullable
    String language;

    private final java.util.HashMap<String, String> senders = new java.util.HashMap<>();

    BodyReader(@Nullable ExportFiles files, String chatFolder) {
        this.files = files;
        this.chatFolder = chatFolder;
    }

    /** Fills sender, text, kind, flags and attachments; returns a warning for odd bodies, or null. */
    /**
     * Reads the body that starts at {@code h.bodyStart()} in {@code line}; {@code more} holds its continuation lines
     * ("\n"-prefixed, trailing blank lines removed) or is null.
     */
    @Nullable
    String read(Header h, String line, @Nullable String more, Message.Builder b) throws UnreadableExport {
        int start = h.bodyStart();
        boolean single = more == null;
        int colon = line.indexOf(": ", start);
        int end = line.length();
        String warning = null;
        String author;
        String text;
        if (colon > start && colon - start <= 120 && !(h.dashSep() && isAndroidSystem(line, start, colon))) {
            author = line.substring(start, colon);
            text = tail(line, colon + 2, more);
        } else if (end - start <= 121 && line.endsWith(":") && line.indexOf(':', start) == end - 1) {
            author = line.substring(start, end - 1);
            text = tail(line, end, more);
        } else if (end - start <= 122 && line.endsWith(":.") && line.indexOf(':', start) == end - 2) {
            author = line.substring(start, end - 2);
            text = tail(line, end - 1, more);
            warning = "body ':.' without a space (read as the text '.'; chat-miner treats it as self-destroying)";
        } else {
            b.kind(MessageKind.SYSTEM).text(stripLeadingMarks(tail(line, start, more)));
            return null;
        }
        int nl = single ? -1 : 0;
        b.sender(canonical(Phrases.plain(author))).text(stripLeadingMarks(text));
        int textNl = text.indexOf('\n');
        String firstText = textNl < 0 ? text : text.substring(0, textNl);
        if (firstText.length() > MAX_PLACEHOLDER) {
            // long first lines are never placeholders, notices or attachment lines
            checkEdited(text, b);
            return warning;
        }
        String t = Phrases.plain(firstText);
        boolean maybeSystem = Phrases.maybeSystem(firstText);
        if (!maybeSystem && !t.endsWith(")") && !t.endsWith(">") && !Phrases.maybePlaceholder(t, h.bracket())) {
            checkEdited(text, b);
            return warning;
        }
        String lower = Phrases.lower(t);
        if (maybeSystem && Phrases.isAttributedSystem(firstText, lower)) {
            b.kind(MessageKind.SYSTEM);
        } else if (nl < 0 && Phrases.isDeleted(lower)) {
            b.kind(MessageKind.DELETED);
            noteLanguage(lower);
        } else if (nl < 0 && lower.equals("null")) {
            b.kind(MessageKind.MEDIA).flag(MessageFlag.VIEW_ONCE);
        } else if (nl < 0 && Phrases.isMediaOmitted(lower)) {
            b.kind(MessageKind.MEDIA);
            noteLanguage(lower);
        } else if (t.endsWith(")") || t.endsWith(">")) {
            String name = attachmentName(t, lower);
            if (name != null && files != null) {
                Attachment a = files.resolve(chatFolder, name);
                b.attachment(a);
                if (!a.inExport()) {
                    attachmentsMissing++;
                }
            } else if (name != null) {
                b.attachment(Attachment.referenced(name));
                attachmentsMissing++;
            }
        }
        checkEdited(text, b);
        return warning;
    }

    /** One String instance per distinct sender, so a long chat does not keep a copy per message. */
    private String canonical(String sender) {
        String c = senders.putIfAbsent(sender, sender);
        return c == null ? sender : c;
    }

    private static String tail(String line, int from, @Nullable String more) {
        String first = from >= line.length() ? "" : line.substring(from);
        return more == null ? first : first + more;
    }

    /** Longest first line that can still be a placeholder or notice (the longest notices are about 250 chars). */
    static final int MAX_PLACEHOLDER = 320;

    private static void checkEdited(String text, Message.Builder b) {
        if (!text.endsWith(">")) {
            return;
        }
        int lt = text.lastIndexOf('<');
        if (lt < 0) {
            return;
        }
        String tail = Phrases.lower(text.substring(lt));
        for (String suf : Phrases.EDITED_SUFFIXES) {
            if (tail.equals(suf)) {
                b.flag(MessageFlag.EDITED);
            }
        }
    }

    private void noteLanguage(String lower) {
        if (language == null) {
            language = Phrases.LANGUAGE_OF.get(lower);
        }
    }

    /** Separator words between date and time name a language (" à " French, " klo " Finnish, " um " German). */
    void noteHeaderLanguage(String at) {
        if (language == null) {
            language = at.contains(" à ") ? "fr" : at.contains(" klo ") ? "fi" : at.contains(" um ") ? "de" : null;
        }
    }

    /**
     * Android system lines that happen to contain ": " (rare): the would-be author is then the start of a notice.
     * Only the part before the colon is checked, so a message that merely mentions such words keeps its author.
     */
    private static boolean isAndroidSystem(String line, int start, int colon) {
        String head = line.substring(start, colon);
        return head.contains("end-to-end")
                || head.contains("Ende-zu-Ende")
                || head.contains(" changed the subject ")
                || head.startsWith("You changed the subject");
    }

    static String stripLeadingMarks(String s) {
        int i = 0;
        while (i < s.length() && HeaderScanner.isMark(s.charAt(i))) {
            i++;
        }
        return i == 0 ? s : s.substring(i);
    }

    /** The file name of an attachment line, or null. */
    @Nullable
    String attachmentName(String t, String lower) {
        String lang = Phrases.fileAttachedLanguage(lower);
        if (lang != null) {
            language = lang;
            int open = t.lastIndexOf('(');
            String name = t.substring(0, open).strip();
            return name.isEmpty() ? null : name;
        }
        if (lower.endsWith("<attached>")) {
            String name = Phrases.plain(t.substring(0, t.length() - "<attached>".length()));
            return name.isEmpty() ? null : name;
        }
        int lt = t.lastIndexOf('<');
        if (lt >= 0 && t.endsWith(">")) {
            String inner = Phrases.plain(t.substring(lt + 1, t.length() - 1));
            String innerLower = Phrases.lower(inner);
            for (String p : Phrases.ATTACHED_PREFIXES) {
                if (innerLower.startsWith(p)) {
                    String name = inner.substring(p.length()).strip();
                    return name.isEmpty() ? null : name;
                }
            }
        }
        return null;
    }
}
