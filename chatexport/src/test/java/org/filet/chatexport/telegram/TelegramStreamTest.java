package org.filet.chatexport.telegram;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.filet.chatexport.ChatImport;
import org.filet.chatexport.ImportOptions;
import org.filet.chatexport.util.JsonTree;
import org.filet.conversation.Conversation;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The streaming reader against the tree reader (the reference) on every Telegram fixture and a generated export. */
class TelegramStreamTest {

    private static List<Conversation> tree(byte[] bytes) throws Exception {
        Map<String, Object> root = JsonTree.obj(JsonTree.parse("t", bytes, ImportOptions.DEFAULT.limits()));
        return TelegramParser.parse(root, null, "", ImportOptions.DEFAULT);
    }

    @Test
    void streamingEqualsTheTreeReaderOnFixtures() throws Exception {
        Path dir = Path.of(System.getProperty("filet.repo.root", "."), "..", "shared", "fixtures", "chats", "telegram");
        Assumptions.assumeTrue(Files.isDirectory(dir), "shared Telegram fixtures absent; test skipped");
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(5);
        for (Path f : files) {
            byte[] bytes = Files.readAllBytes(f);
            assertThat(TelegramStream.sniff("t", bytes, ImportOptions.DEFAULT))
                    .as(f.toString())
                    .isTrue();
            assertThat(TelegramStream.parse("t", bytes, null, "", ImportOptions.DEFAULT))
                    .as(f.toString())
                    .isEqualTo(tree(bytes));
        }
    }

    @Test
    void largeExportIsStreamedWithTheSameResult() throws Exception {
        StringBuilder b = new StringBuilder("{\"about\":\"x\",\"chats\":{\"about\":\"y\",\"list\":[");
        for (int c = 0; c < 2; c++) {
            b.append(c == 0 ? "" : ",")
                    .append("{\"name\":\"chat ")
                    .append(c)
                    .append("\",\"type\":\"personal_chat\",")
                    .append("\"id\":")
                    .append(c)
                    .append(",\"messages\":[");
            for (int i = 0; i < 40_000; i++) {
                b.append(i == 0 ? "" : ",")
                        .append("{\"id\":")
                        .append(i)
                        .append(",\"type\":\"message\",")
                        .append("\"date\":\"2024-02-20T15:00:00\",\"date_unixtime\":\"")
                        .append(1708441200 + i)
                        .append("\",\"from\":\"Alex\",\"from_id\":\"user1\",\"text\":[\"see you \",{\"type\":\"bold\",")
                        .append("\"text\":\"tomorrow\"}]}");
            }
            b.append("]}");
        }
        b.append("]}}");
        byte[] bytes = b.toString().getBytes(UTF_8);
        assertThat(bytes.length).isGreaterThan(8 << 20);
        List<Conversation> streamed = ChatImport.parse("big.json", "result.json", bytes, ImportOptions.DEFAULT);
        assertThat(streamed).hasSize(2);
        assertThat(streamed.get(1).messages()).hasSize(40_000);
        assertThat(streamed.get(1).messages().get(39_999).text()).isEqualTo("see you tomorrow");
        assertThat(streamed).isEqualTo(tree(bytes));
    }

    @Test
    void otherJsonIsNotSniffedAsTelegram() throws Exception {
        byte[] messenger =
                "{\"participants\":[{\"name\":\"A\"}],\"messages\":[{\"sender_name\":\"A\"}]}".getBytes(UTF_8);
        assertThat(TelegramStream.sniff("m", messenger, ImportOptions.DEFAULT)).isFalse();
        byte[] dce = "{\"guild\":{},\"channel\":{},\"messages\":[]}".getBytes(UTF_8);
        assertThat(TelegramStream.sniff("d", dce, ImportOptions.DEFAULT)).isFalse();
    }
}
