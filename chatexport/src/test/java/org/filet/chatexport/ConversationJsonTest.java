package org.filet.chatexport;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.filet.chatexport.util.JsonTree;
import org.filet.conversation.Attachment;
import org.filet.conversation.ChatFormat;
import org.filet.conversation.Conversation;
import org.filet.conversation.Message;
import org.filet.conversation.MessageFlag;
import org.filet.conversation.MessageKind;
import org.filet.conversation.Participant;
import org.junit.jupiter.api.Test;

/** The JSON Lines contract: exact field names, one line per conversation, and a lossless read-back. */
class ConversationJsonTest {

    private static Conversation sample() {
        Message m = Message.builder(0, MessageKind.MESSAGE)
                .sender("Léo")
                .senderId("user1")
                .text("t'as quel âge ?\nok")
                .at("17/12/2022 à 17:25")
                .local(LocalDateTime.of(2022, 12, 17, 17, 25))
                .instant(Instant.parse("2022-12-17T16:25:00Z"))
                .zone("Europe/Paris (assumed)")
                .attachment(new Attachment("IMG-1.jpg", "a".repeat(64)))
                .attachment(Attachment.referenced("x.opus"))
                .flag(MessageFlag.EDITED)
                .flag(MessageFlag.FORWARDED)
                .position("line 2")
                .build();
        Message u = Message.builder(1, MessageKind.UNPARSED)
                .text("???")
                .position("line 9")
                .build();
        return new Conversation(
                ChatFormat.WHATSAPP,
                "android-fr",
                null,
                List.of(new Participant("Léo", null, "+33 6 00 00 00 00")),
                List.of(m, u),
                List.of("truncated maybe"),
                List.of("ambiguous"));
    }

    @Test
    void writesTheContractFieldNames() throws Exception {
        StringBuilder out = new StringBuilder();
        ConversationJson.write(sample(), out);
        assertThat(out).endsWith("\n");
        assertThat(out.toString().trim()).doesNotContain("\n");
        Map<String, Object> o = JsonTree.obj(JsonTree.parse("t", out.toString().getBytes(UTF_8), ImportLimits.DEFAULT));
        assertThat(o).containsKeys("format", "variant", "participants", "messages", "missing", "warnings");
        assertThat(o.get("format")).isEqualTo("whatsapp");
        assertThat(o.get("variant")).isEqualTo("android-fr");
        Map<String, Object> p =
                JsonTree.obj(JsonTree.list(o.get("participants")).get(0));
        assertThat(p).containsKeys("name", "id", "phone");
        Map<String, Object> m = JsonTree.obj(JsonTree.list(o.get("messages")).get(0));
        assertThat(m).containsKeys("index", "kind", "sender", "text", "at", "instant", "zone", "attachments", "edited");
        assertThat(m.get("kind")).isEqualTo("message");
        assertThat(m.get("instant")).isEqualTo("2022-12-17T16:25:00Z");
        assertThat(m.get("edited")).isEqualTo(Boolean.TRUE);
        assertThat(JsonTree.obj(JsonTree.list(m.get("attachments")).get(0))).containsKeys("path", "sha256");
        assertThat(JsonTree.obj(JsonTree.list(m.get("attachments")).get(1)).get("sha256"))
                .isNull();
        Map<String, Object> u = JsonTree.obj(JsonTree.list(o.get("messages")).get(1));
        assertThat(u.get("kind")).isEqualTo("unparsed");
        assertThat(u.get("instant")).isNull();
    }

    @Test
    void readsBackWhatItWrote() throws Exception {
        Conversation c = sample();
        assertThat(ConversationJson.read(ConversationJson.toJson(c), "t")).isEqualTo(c);
    }

    @Test
    void everyFixtureRoundTrips() throws Exception {
        Path root = Fixtures.chats();
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(Files::isRegularFile)
                    .filter(p -> !p.toString().endsWith(".tsv"))
                    .sorted()
                    .toList();
        }
        StringBuilder lines = new StringBuilder();
        List<Conversation> all = new ArrayList<>();
        for (Path f : files) {
            try {
                for (Conversation c : ChatImport.parse(f)) {
                    all.add(c);
                    ConversationJson.write(c, lines);
                }
            } catch (UnreadableExport e) {
                // refused fixtures (HTML, call log, corrupt) are covered elsewhere
            }
        }
        assertThat(all).hasSizeGreaterThan(40);
        assertThat(ConversationJson.readAll(new StringReader(lines.toString()))).isEqualTo(all);
    }

    @Test
    void readingGarbageIsANamedError() {
        assertThatThrownBy(() -> ConversationJson.read("{\"format\":\"nope\"}", "line 3"))
                .isInstanceOf(UnreadableExport.class)
                .hasMessageStartingWith("line 3");
        assertThatThrownBy(() -> ConversationJson.read("[1,2]", "line 4")).isInstanceOf(UnreadableExport.class);
    }
}
