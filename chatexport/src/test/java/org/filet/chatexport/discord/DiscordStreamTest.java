package org.filet.chatexport.discord;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.filet.chatexport.ChatImport;
import org.filet.chatexport.ImportLimits;
import org.filet.chatexport.ImportOptions;
import org.filet.chatexport.util.JsonTree;
import org.filet.conversation.Conversation;
import org.junit.jupiter.api.Test;

/** The streamed DiscordChatExporter reader against the tree reader (the reference). */
class DiscordStreamTest {

    private static byte[] export(int messages) {
        StringBuilder b =
                new StringBuilder("{\"guild\":{\"id\":\"1\",\"name\":\"G\"},\"channel\":{\"id\":\"2\",\"name\":"
                        + "\"general\"},\"messages\":[");
        for (int i = 0; i < messages; i++) {
            b.append(i == 0 ? "" : ",")
                    .append("{\"id\":\"")
                    .append(1000 + i)
                    .append("\",\"type\":\"Default\",")
                    .append("\"timestamp\":\"2024-01-15T10:30:00+01:00\",\"timestampEdited\":")
                    .append(i % 7 == 0 ? "\"2024-01-15T10:31:00+01:00\"" : "null")
                    .append(",\"content\":\"hello number ")
                    .append(i)
                    .append("\",\"author\":{\"id\":\"")
                    .append(i % 3)
                    .append("\",\"name\":\"user")
                    .append(i % 3)
                    .append("\",\"nickname\":null},\"attachments\":[],\"stickers\":[]}");
        }
        return b.append("],\"messageCount\":")
                .append(messages)
                .append("}")
                .toString()
                .getBytes(UTF_8);
    }

    @Test
    void streamEqualsTree() throws Exception {
        byte[] bytes = export(500);
        Map<String, Object> root = JsonTree.obj(JsonTree.parse("d", bytes, ImportLimits.DEFAULT));
        assertThat(DiscordExporterParser.stream("d", bytes, null, "", ImportLimits.DEFAULT))
                .isEqualTo(DiscordExporterParser.json(root, null, ""));
    }

    @Test
    void largeExportGoesThroughTheStream() throws Exception {
        byte[] bytes = export(50_000);
        assertThat(bytes.length).isGreaterThan(8 << 20);
        List<Conversation> cs = ChatImport.parse("big.json", "big.json", bytes, ImportOptions.DEFAULT);
        assertThat(cs).singleElement().satisfies(c -> {
            assertThat(c.messages()).hasSize(50_000);
            assertThat(c.title()).isEqualTo("G / general");
            assertThat(c.warnings()).isEmpty();
            assertThat(c.messages().get(7).edited()).isTrue();
        });
    }
}
