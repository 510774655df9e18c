package org.filet.grooming.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.filet.conversation.Conversation;
import org.filet.conversation.Message;
import org.filet.grooming.ConversationReader.Labelled;

/**
 * Reads PAN 2012 messages flattened to CSV ({@code conversation_id,author,text[,timestamp]}, one message per row,
 * rows of a conversation in order), labelled with a predator-id list: a conversation is positive when one of its
 * authors is listed.
 */
public final class MessageCsv {

    private MessageCsv() {}

    /** Whether a CSV header row is this form. */
    public static boolean isHeader(List<String> header) {
        return header.size() >= 3
                && header.get(0).strip().equals("conversation_id")
                && header.get(1).strip().equals("author")
                && header.get(2).strip().equals("text");
    }

    public static List<Labelled> read(Path csv, Set<String> predators) throws IOException {
        List<List<String>> rows = CsvRows.read(csv);
        if (rows.isEmpty() || !isHeader(rows.get(0))) {
            throw new IOException("expected a CSV with header conversation_id,author,text");
        }
        Map<String, List<Message>> byConversation = new LinkedHashMap<>();
        Map<String, Boolean> positive = new LinkedHashMap<>();
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            if (row.size() < 3) {
                throw new IOException("row " + r + " has " + row.size() + " fields, expected at least 3");
            }
            String id = row.get(0).strip();
            String author = row.get(1).strip();
            List<Message> messages = byConversation.computeIfAbsent(id, k -> new ArrayList<>());
            positive.merge(id, predators.contains(author), Boolean::logicalOr);
            if (!row.get(2).isBlank()) {
                messages.add(Message.text(messages.size(), author, row.get(2).strip()));
            }
        }
        List<Labelled> out = new ArrayList<>(byConversation.size());
        byConversation.forEach(
                (id, messages) -> out.add(new Labelled(id, Conversation.of(messages), positive.get(id))));
        return out;
    }
}
