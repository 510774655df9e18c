package org.filet.chatexport.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.filet.chatexport.ConversationJson;
import org.filet.chatexport.Storables;
import org.filet.chatexport.UnreadableExport;
import org.filet.conversation.Conversation;

/**
 * The server reads stored parses back: any line gives a conversation that writes back the same and holds only storable
 * text, or a named error.
 */
class ConversationJsonFuzzTest {
    @FuzzTest(maxDuration = "30s")
    void readBack(byte[] data) {
        String line = new String(data, StandardCharsets.UTF_8);
        Conversation c;
        try {
            c = ConversationJson.read(line, "fuzz");
        } catch (UnreadableExport e) {
            assertThat(e.getMessage()).startsWith("fuzz");
            return;
        }
        Storables.assertStorable(c);
        try {
            assertThat(ConversationJson.read(ConversationJson.toJson(c), "again"))
                    .isEqualTo(c);
        } catch (UnreadableExport e) {
            throw new AssertionError("a conversation read once does not read back", e);
        }
    }
}
