package org.filet.chatexport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.filet.chatexport.ChatImport.ContentKind;
import org.filet.chatexport.UnreadableExport.Reason;
import org.filet.chatexport.discord.DiscordExporterParser;
import org.filet.chatexport.discord.DiscordPackageParser;
import org.filet.chatexport.discord.DiscordTextParser;
import org.filet.chatexport.meta.MetaParser;
import org.filet.chatexport.sms.SmsBackupParser;
import org.filet.chatexport.snapchat.SnapchatParser;
import org.filet.chatexport.source.ExportFiles;
import org.filet.chatexport.source.ExportMember;
import org.filet.chatexport.source.Texts;
import org.filet.chatexport.telegram.TelegramParser;
import org.filet.chatexport.telegram.TelegramStream;
import org.filet.chatexport.util.JsonTree;
import org.filet.chatexport.whatsapp.ChatTitles;
import org.filet.chatexport.whatsapp.WhatsAppParser;
import org.filet.conversation.ChatFormat;
import org.filet.conversation.Conversation;

/** Recognises each member of an upload by its content and hands it to the right parser. */
final class ExportReader {
    private static final int HEAD = 64 * 1024;
    /** JSON larger than this is checked for a streamable layout (Telegram, DiscordChatExporter, Snapchat) first. */
    static final int STREAM_JSON_BYTES = 8 << 20;
    /** Other JSON is read as a tree (about ten times its size in memory), so it is bounded. */
    static final int MAX_TREE_JSON_BYTES = 96 << 20;

    private ExportReader() {}

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
                recognised |=
                        out.size() + metaThreads.size() > before || ContentKind.SMS == ChatImport.kindOf(m.content());
            } catch (UnreadableExport e) {
                if (single) {
                    throw e;
                }
                rejected.add(renamed(e, src));
            }
        }
        for (List<MetaParser.Part> parts : metaThreads.values()) {
            String src = single
                    ? files.sourceName()
                    : files.sourceName() + ":" + parts.get(0).path();
            try {
                out.add(MetaParser.parse(parts, files));
            } catch (UnreadableExport e) {
                if (single) {
                    throw e;
                }
                rejected.add(renamed(e, src));
            }
        }
        if (files.unreadEntries() > 0) {
            int read = files.members().size();
            rejected.add(new UnreadableExport(
                    files.sourceName(),
                    Reason.ZIP_BOMB,
                    "the archive holds "
                            + (files.entries() + files.unreadEntries()) + " entries, more than " + files.entries()
                            + " entries: only the first " + files.entries() + " were read (" + read
                            + " files), the other "
                            + files.unreadEntries() + " were counted and not read"));
        }
        if (out.isEmpty() && rejected.isEmpty() && !recognised) {
            throw new UnreadableExport(files.sourceName(), Reason.UNRECOGNISED_FORMAT, "no chat export found");
        }
        if (out.isEmpty() && rejected.size() == 1) {
            throw rejected.get(0);
        }
        return new ImportResult(out, rejected, files.unreadEntries());
    }

    /** The same refusal attributed to the member it came from (attachment lookups report the whole upload). */
    private static UnreadableExport renamed(UnreadableExport e, String src) {
        if (e.source().equals(src) || !src.startsWith(e.source())) {
            return e;
        }
        return e.about(src);
    }

    private static void member(
            ExportFiles files,
            ExportMember m,
            String src,
            ImportOptions options,
            List<Conversation> out,
            Map<String, List<MetaParser.Part>> metaThreads,
            boolean single)
            throws UnreadableExport {
        byte[] bytes = m.content();
        ContentKind d = ChatImport.kindOf(bytes);
        String name = m.fileName().toLowerCase(Locale.ROOT);
        switch (d) {
            case SMS ->
                out.addAll(SmsBackupParser.parse(src, new java.io.ByteArrayInputStream(bytes), options.limits()));
            case JSON -> json(files, m, src, options, out, metaThreads, single);
            case TEXT -> text(files, m, src, options, out, single);
            case EMPTY -> {
                if (single || name.endsWith(".txt")) {
                    out.add(WhatsAppParser.parse(src, "", files, m.folder(), options));
                }
            }
            case SMS_CALL_LOG, HTML, XML_OTHER, BINARY -> {
                if (single) {
                    throw new UnreadableExport(
                            src,
                            Reason.UNRECOGNISED_FORMAT,
                            switch (d) {
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

    private static void json(
            ExportFiles files,
            ExportMember m,
            String src,
            ImportOptions options,
            List<Conversation> out,
            Map<String, List<MetaParser.Part>> metaThreads,
            boolean single)
            throws UnreadableExport {
        String name = m.fileName().toLowerCase(Locale.ROOT);
        if (!single && (name.equals("snap_history.json") || name.equals("channel.json") || name.equals("index.json"))) {
            return;
        }
        if (m.content().length > STREAM_JSON_BYTES) {
            if (TelegramStream.sniff(src, m.content(), options)) {
                out.addAll(TelegramStream.parse(src, m.content(), files, m.folder(), options));
                return;
            }
            Set<String> keys = JsonTree.topLevelKeys(src, m.content(), options.limits());
            if (keys.contains("channel") && keys.contains("messages")) {
                out.add(DiscordExporterParser.stream(src, m.content(), files, m.folder(), options.limits()));
                return;
            }
            if (m.fileName().equalsIgnoreCase("chat_history.json")
                    && !keys.contains(SnapchatParser.LEGACY_RECEIVED)
                    && !keys.contains(SnapchatParser.LEGACY_SENT)) {
                out.addAll(SnapchatParser.stream(src, m.content(), files, options.limits()));
                return;
            }
            if (m.content().length > MAX_TREE_JSON_BYTES) {
                throw new UnreadableExport(
                        src,
                        Reason.TOO_LARGE,
                        "JSON larger than " + (MAX_TREE_JSON_BYTES >> 20)
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

    private static void text(
            ExportFiles files,
            ExportMember m,
            String src,
            ImportOptions options,
            List<Conversation> out,
            boolean single)
            throws UnreadableExport {
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
                out.add(
                        title == null
                                ? c
                                : new Conversation(
                                        c.format(),
                                        c.variant(),
                                        title,
                                        c.participants(),
                                        c.messages(),
                                        c.missing(),
                                        c.warnings()));
            } else if (single) {
                throw new UnreadableExport(
                        src, Reason.UNRECOGNISED_FORMAT, "text with no known chat header in its first" + " lines");
            }
        }
    }
}
