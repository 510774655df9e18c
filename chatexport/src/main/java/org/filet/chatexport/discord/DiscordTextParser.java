package org.filet.chatexport.discord;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.filet.chatexport.ImportOptions;
import org.filet.chatexport.util.Warnings;
import org.filet.conversation.Attachment;
import org.filet.conversation.ChatFormat;
import org.filet.conversation.Conversation;
import org.filet.conversation.Message;
import org.filet.conversation.MessageFlag;
import org.filet.conversation.MessageKind;
import org.filet.conversation.Participant;
import org.jspecify.annotations.Nullable;

/**
 * DiscordChatExporter plain text: a '=' banner with {@code Guild:}/{@code Channel:}, then {@code [date] author} headers
 * each followed by content and {@code {Attachments}}/{@code {Stickers}}/… blocks, and an {@code Exported N message(s)}
 * footer. Dates are culture-formatted without a zone.
 */
public final class DiscordTextParser {
    private DiscordTextParser() {}

    public static boolean looksLikeText(String head) {
        return head.startsWith("=====") && head.contains("\nGuild: ") && head.contains("\nChannel: ");
    }

    private static final class Pending {
        final Message.Builder b;
        final List<String> lines = new ArrayList<>();

        Pending(Message.Builder b) {
            this.b = b;
        }
    }

    public static Conversation parse(String text, ImportOptions options) {
        String[] lines = text.split("\r\n|\n|\r", -1);
        Warnings warnings = new Warnings();
        String guild = null;
        String channel = null;
        int i = 0;
        int banners = 0;
        while (i < lines.length && banners < 2) {
            String l = lines[i++];
            if (l.startsWith("=====")) {
                banners++;
            } else if (l.startsWith("Guild: ")) {
                guild = l.substring(7);
            } else if (l.startsWith("Channel: ")) {
                channel = l.substring(9);
            }
        }
        List<Pending> pending = new ArrayList<>();
        Map<String, Participant> people = new LinkedHashMap<>();
        Long declared = null;
        List<Message.Builder> unparsed = new ArrayList<>();
        for (; i < lines.length; i++) {
            String l = lines[i];
            if (l.startsWith("=====")) {
                for (int j = i + 1; j < lines.length; j++) {
                    if (lines[j].startsWith("Exported ") && lines[j].endsWith(" message(s)")) {
                        try {
                            declared = Long.parseLong(lines[j].substring(9, lines[j].length() - 11)
                                    .strip()
                                    .replace(",", ""));
                        } catch (NumberFormatException e) {
                            warnings.add("line " + (j + 1) + ": unreadable message count in the footer");
                        }
                    }
                }
                break;
            }
            Message.Builder header = header(l, i + 1, options);
            if (header != null) {
                Pending p = new Pending(header);
                pending.add(p);
                people.putIfAbsent(
                        header.build().sender(),
                        Participant.named(header.build().sender()));
            } else if (!pending.isEmpty()) {
                pending.get(pending.size() - 1).lines.add(l);
            } else if (!l.isBlank()) {
                unparsed.add(Message.builder(0, MessageKind.UNPARSED).text(l).position("line " + (i + 1)));
            }
        }
        List<Message> messages = new ArrayList<>();
        for (Message.Builder u : unparsed) {
            messages.add(u.index(messages.size()).build());
        }
        boolean cdn = false;
        for (Pending p : pending) {
            cdn |= body(p);
            messages.add(p.b.index(messages.size()).build());
        }
        if (declared != null && declared != pending.size()) {
            warnings.add("the footer declares " + declared + " message(s) but " + pending.size() + " were read");
        }
        List<String> missing = new ArrayList<>();
        if (cdn) {
            missing.add(DiscordExporterParser.CDN_NOTE);
        }
        String title = guild == null ? channel : guild + " / " + channel;
        return new Conversation(
                ChatFormat.DISCORD, "dce-txt", title, List.copyOf(people.values()), messages, missing, warnings.list());
    }

    private static Message.@Nullable Builder header(String l, int line, ImportOptions options) {
        if (!l.startsWith("[")) {
            return null;
        }
        int close = l.indexOf("] ");
        if (close < 0) {
            return null;
        }
        String date = l.substring(1, close);
        if (date.indexOf(':') < 0 || date.chars().noneMatch(Character::isDigit) || date.length() > 40) {
            return null;
        }
        String author = l.substring(close + 2);
        Message.Builder b = Message.builder(0, MessageKind.MESSAGE).position("line " + line);
        if (author.endsWith(" (pinned)")) {
            author = author.substring(0, author.length() - 9);
            b.flag(MessageFlag.PINNED);
        }
        DiscordTimes.txt(date, b, options);
        return b.sender(author);
    }

    /** Splits content from {…} blocks; returns true if a CDN link was seen. */
    private static boolean body(Pending p) {
        List<String> text = new ArrayList<>();
        String block = null;
        boolean cdn = false;
        for (String l : p.lines) {
            if (l.startsWith("{") && l.endsWith("}") && l.length() < 30) {
                block = l;
                if (l.equals("{Forwarded Message}")) {
                    p.b.flag(MessageFlag.FORWARDED);
                }
                continue;
            }
            if (block == null) {
                text.add(l);
            } else if ((block.equals("{Attachments}") || block.equals("{Stickers}")) && !l.isBlank()) {
                cdn |= l.startsWith("http");
                p.b.attachment(Attachment.referenced(l.strip()));
            } else if (block.equals("{Embed}") || block.equals("{Forwarded Message}")) {
                text.add(l);
            }
        }
        while (!text.isEmpty() && text.get(text.size() - 1).isBlank()) {
            text.remove(text.size() - 1);
        }
        p.b.text(text.isEmpty() ? null : String.join("\n", text));
        if (text.isEmpty() && !p.b.build().attachments().isEmpty()) {
            p.b.kind(MessageKind.MEDIA);
        }
        return cdn;
    }
}
