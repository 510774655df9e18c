package org.filet.server.conversations;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.filet.conversation.Conversation;
import org.filet.conversation.Message;
import org.filet.server.evidence.documents.ExportSummary;
import org.filet.server.evidence.documents.PackageContent;
import org.filet.server.intake.Reports;
import org.springframework.stereotype.Component;

/**
 * Adds to a report's package the messages read from its chat exports (each parse, by the current parser) and from
 * its screenshots by OCR, marked as machine readings. Each timeline names the original it was read from and the derived
 * file that holds the reading. A document shows at most {@link #MAX_MESSAGES} messages per timeline (memory stays
 * bounded); the rest are counted and are all in the derived file.
 */
@Component
class ConversationsInPackage implements PackageContent {

    static final int MAX_MESSAGES = 20_000;

    private final Conversations conversations;
    private final Screenshots screenshots;
    private final Reports reports;

    ConversationsInPackage(Conversations conversations, Screenshots screenshots, Reports reports) {
        this.conversations = conversations;
        this.screenshots = screenshots;
        this.reports = reports;
    }

    @Override
    public void contribute(UUID report, UUID organisation, Map<UUID, String> packaged, ExportSummary.Additions into)
            throws IOException {
        Map<String, String> names = new HashMap<>();
        for (Reports.FileEntry f : reports.files(report)) {
            names.put(f.sha256(), f.originalName() == null ? f.sha256() : f.originalName());
        }
        for (Conversations.Parse parse : conversations.parses(report)) {
            List<Conversation> parsed = conversations.read(parse);
            for (int i = 0; i < parsed.size(); i++) {
                Conversation c = parsed.get(i);
                List<ExportSummary.TimelineMessage> messages = new ArrayList<>();
                int omitted = 0;
                for (Message m : c.messages()) {
                    if (messages.size() >= MAX_MESSAGES) {
                        omitted++;
                        continue;
                    }
                    messages.add(new ExportSummary.TimelineMessage(m.index(), m.at(), m.sender(), text(m)));
                }
                String title = names.getOrDefault(parse.fileSha256(), parse.fileSha256()) + " ("
                        + c.format().name().toLowerCase(java.util.Locale.ROOT) + "/" + c.variant()
                        + (c.title() == null ? "" : ", " + c.title()) + ")";
                into.timeline(new ExportSummary.Timeline(
                        "export",
                        parse.parseSha256() + "#" + i,
                        title,
                        parse.fileSha256(),
                        parse.parseSha256(),
                        false,
                        messages,
                        omitted));
            }
        }
        for (Screenshots.Read read : screenshots.of(report)) {
            if (read.ocrSha256() == null) {
                continue;
            }
            List<ExportSummary.TimelineMessage> lines = new ArrayList<>();
            int omitted = 0;
            int index = 0;
            for (Map<String, Object> line : screenshots.lines(read.ocrSha256())) {
                if (lines.size() >= MAX_MESSAGES) {
                    omitted++;
                    continue;
                }
                lines.add(new ExportSummary.TimelineMessage(
                        index++, null, String.valueOf(line.get("side")), String.valueOf(line.get("text"))));
            }
            into.timeline(new ExportSummary.Timeline(
                    "ocr",
                    null,
                    names.getOrDefault(read.fileSha256(), read.fileSha256()),
                    read.fileSha256(),
                    read.ocrSha256(),
                    true,
                    lines,
                    omitted));
        }
    }

    /** The message's text, or what it carried when it has none (an attachment, a deleted message). */
    private static String text(Message m) {
        if (m.text() != null) {
            return m.text();
        }
        if (!m.attachments().isEmpty()) {
            return "[" + m.attachments().size() + " attachment(s)]";
        }
        return "[" + m.kind().name().toLowerCase(java.util.Locale.ROOT) + "]";
    }
}
