package org.filet.server.conversations;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.filet.chatexport.ConversationJson;
import org.filet.chatexport.UnreadableExport;
import org.filet.conversation.Conversation;
import org.filet.server.evidence.EvidenceStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The parses of a report's chat exports, and the conversations they hold. */
@Component
public class Conversations {

    private final JdbcClient jdbc;
    private final EvidenceStore store;

    Conversations(JdbcClient jdbc, EvidenceStore store) {
        this.jdbc = jdbc;
        this.store = store;
    }

    /**
     * One parse of one file by one parser version. {@code parseSha256} is null when the file was refused.
     * {@code entriesUnread}: archive entries over the limit, counted and not read; {@code conversationsOverLimit}:
     * conversations read and not kept (see {@link ConversationLimits}).
     */
    public record Parse(
            String fileSha256,
            String parser,
            Instant parsedAt,
            String outcome,
            String parseSha256,
            int conversations,
            int messages,
            List<String> formats,
            List<String> missing,
            List<String> warnings,
            List<String> refusals,
            int entriesUnread,
            int conversationsOverLimit) {

        /** Whether a limit left part of the file unread or unkept. */
        public boolean overLimit() {
            return entriesUnread > 0 || conversationsOverLimit > 0;
        }
    }

    /** The successful parses of a report's files by the current parser, oldest file first. */
    public List<Parse> parses(UUID reportId) {
        return all(reportId).stream().filter(p -> p.parseSha256() != null).toList();
    }

    /** The latest parse of each of a report's files by the current parser version, refusals included. */
    public List<Parse> all(UUID reportId) {
        return jdbc.sql("""
                        select * from (
                            select distinct on (file_sha256) file_sha256, parser, parsed_at, outcome, parse_sha256,
                                   conversations, messages, formats, missing, warnings, refusals, entries_unread,
                                   conversations_over_limit
                            from conversation_parse where report_id = ? and (parser = ? or parser like ?)
                            order by file_sha256, parsed_at desc) latest
                        order by parsed_at, file_sha256""")
                .params(reportId, ConversationParsing.PARSER, ConversationParsing.PARSER + ";%")
                .query((rs, n) -> new Parse(
                        rs.getString(1).trim(),
                        rs.getString(2),
                        rs.getTimestamp(3).toInstant(),
                        rs.getString(4),
                        rs.getString(5) == null ? null : rs.getString(5).trim(),
                        rs.getInt(6),
                        rs.getInt(7),
                        List.of((String[]) rs.getArray(8).getArray()),
                        List.of((String[]) rs.getArray(9).getArray()),
                        List.of((String[]) rs.getArray(10).getArray()),
                        List.of((String[]) rs.getArray(11).getArray()),
                        rs.getInt(12),
                        rs.getInt(13)))
                .list();
    }

    /** The conversations of a parse, read back from the evidence store (hash checked). */
    public List<Conversation> read(Parse parse) throws IOException {
        try (InputStream in = store.open(parse.parseSha256())) {
            return ConversationJson.readAll(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (UnreadableExport e) {
            throw new IOException("a stored parse cannot be read back: " + e.getMessage(), e);
        }
    }
}
