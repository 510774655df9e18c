package org.filet.chatexport;

import org.filet.conversation.Conversation;
import java.util.List;

/**
 * What an upload yielded: the conversations read and the members refused (a corrupt thread in an archive fails alone,
 * not the whole upload). Refusals carry the member's name and the reason.
 */
public record ImportResult(List<Conversation> conversations, List<UnreadableExport> refused) {
  public ImportResult {
    conversations = List.copyOf(conversations);
    refused = List.copyOf(refused);
  }

  public boolean complete() {
    return refused.isEmpty();
  }
}
