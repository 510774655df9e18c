package org.filet.chatexport;

import java.util.List;
import org.filet.conversation.Conversation;

/**
 * What an upload yielded: the conversations read and the members refused (a corrupt thread in an archive fails alone,
 * not the whole upload). Refusals carry the member's name and the reason. {@code unreadEntries}: the entries of an
 * archive beyond {@link ImportLimits#maxEntries()}, which were counted but not read (a refusal says so too).
 */
public record ImportResult(List<Conversation> conversations, List<UnreadableExport> refused, int unreadEntries) {
    public ImportResult {
        conversations = List.copyOf(conversations);
        refused = List.copyOf(refused);
        if (unreadEntries < 0) {
            throw new IllegalArgumentException("unreadEntries must not be negative: " + unreadEntries);
        }
    }

    public ImportResult(List<Conversation> conversations, List<UnreadableExport> refused) {
        this(conversations, refused, 0);
    }

    public boolean complete() {
        return refused.isEmpty();
    }
}
