package org.filet.chatexport.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.filet.chatexport.ChatImport;
import org.filet.chatexport.ConversationJson;
import org.filet.chatexport.ImportLimits;
import org.filet.chatexport.ImportOptions;
import org.filet.chatexport.Storables;
import org.filet.chatexport.UnreadableExport;
import org.filet.conversation.Conversation;

/**
 * What every parser must guarantee on any input: conversations that survive the JSON contract and whose every string
 * a database can store (no NUL, lone surrogate or non-character), or a named error whose message can be stored too.
 */
final class FuzzChecks {
    /** Small limits keep each fuzz run fast and still exercise every limit. */
    static final ImportOptions OPTIONS =
            ImportOptions.DEFAULT.withLimits(new ImportLimits(1 << 20, 64, 4 << 20, 100, 16 << 10, 32, 64 << 10));

    private FuzzChecks() {}

    static void parseAs(String fileName, byte[] data) {
        List<Conversation> cs;
        try {
            cs = ChatImport.parse("fuzz", fileName, data, OPTIONS);
        } catch (UnreadableExport e) {
            assertThat(e.getMessage()).startsWith("fuzz");
            Storables.assertStorable(e);
            return;
        }
        for (Conversation c : cs) {
            Storables.assertStorable(c);
            try {
                assertThat(ConversationJson.read(ConversationJson.toJson(c), "fuzz"))
                        .isEqualTo(c);
            } catch (UnreadableExport e) {
                throw new AssertionError("a parsed conversation does not read back", e);
            }
        }
    }
}
