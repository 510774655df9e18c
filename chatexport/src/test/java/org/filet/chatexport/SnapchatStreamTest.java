package org.filet.chatexport;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.filet.chatexport.snapchat.SnapchatParser;
import org.filet.chatexport.util.JsonTree;
import org.filet.conversation.Conversation;
import org.filet.conversation.Message;
import org.filet.conversation.MessageKind;
import org.junit.jupiter.api.Test;

/** The streamed Snapchat reader against the tree reader (the reference), and the media index in a zip. */
class SnapchatStreamTest {

    private static byte[] history(int conversations, int perConversation) {
        StringBuilder b = new StringBuilder("{");
        for (int c = 0; c < conversations; c++) {
            b.append(c == 0 ? "" : ",").append("\"friend").append(c).append("\":[");
            for (int i = 0; i < perConversation; i++) {
                long ms = 1713576562686L - i * 60_000L;
                b.append(i == 0 ? "" : ",")
                        .append("{\"From\":\"friend")
                        .append(c)
                        .append("\",\"Media Type\":\"")
                        .append(i % 5 == 0 ? "MEDIA" : "TEXT")
                        .append("\",\"Created\":\"2024-04-20 01:29:22 UTC\",\"Content\":")
                        .append(i % 2 == 0 ? "null" : "\"see you at school " + i + "\"")
                        .append(",\"Conversation Title\":null,")
                        .append("\"IsSender\":")
                        .append(i % 3 == 0)
                        .append(",\"Created(microseconds)\":")
                        .append(ms)
                        .append(",\"IsSaved\":")
                        .append(i % 2 == 1)
                        .append(",\"Media IDs\":\"")
                        .append(i % 5 == 0 ? "b~id" + c + "x" + i : "")
                        .append("\"}");
            }
            b.append("]");
        }
        return b.append("}").toString().getBytes(UTF_8);
    }

    @Test
    void streamEqualsTree() throws Exception {
        byte[] bytes = history(3, 200);
        Map<String, Object> root = JsonTree.obj(JsonTree.parse("s", bytes, ImportLimits.DEFAULT));
        List<Conversation> tree = SnapchatParser.parse(root, null);
        assertThat(SnapchatParser.stream("s", bytes, null, ImportLimits.DEFAULT))
                .isEqualTo(tree);
        assertThat(tree.get(0).messages()).hasSize(200);
    }

    @Test
    void largeHistoryIsStreamedAndMediaIsFoundById() throws Exception {
        byte[] bytes = history(4, 12_000);
        assertThat(bytes.length).isGreaterThan(8 << 20);
        byte[] photo = "synthetic snap bytes".getBytes(UTF_8);
        byte[] zip =
                TestFiles.zip(Map.of("json/chat_history.json", bytes, "chat_media/2024-04-20_b~id1x0.jpeg", photo));
        List<Conversation> cs = ChatImport.parse("mydata.zip", "mydata.zip", zip, ImportOptions.DEFAULT);
        assertThat(cs).hasSize(4);
        Message newest = cs.get(1).messages().get(cs.get(1).messages().size() - 1); // i = 0 is the newest
        assertThat(newest.attachments())
                .singleElement()
                .satisfies(a -> assertThat(a.inExport()).isTrue());
        assertThat(newest.kind()).isEqualTo(MessageKind.MESSAGE);
    }
}
