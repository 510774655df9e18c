package org.filet.grooming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.StringReader;
import java.util.List;
import org.filet.conversation.Conversation;
import org.filet.conversation.Message;
import org.junit.jupiter.api.Test;

class ConversationReaderTest {

    private static final String LINE = "{\"format\":\"whatsapp\",\"variant\":\"android\",\"participants\":"
            + "[{\"name\":\"Sam\",\"id\":null,\"phone\":\"+33600000000\"}],\"messages\":["
            + "{\"index\":0,\"kind\":\"text\",\"sender\":\"Sam\",\"text\":\"how old r u?\",\"at\":\"1/2/24, 10:00\","
            + "\"instant\":null,\"attachments\":[],\"flags\":[\"edited\"],\"unknown\":{\"a\":[1,2]}},"
            + "{\"index\":1,\"kind\":\"media\",\"sender\":\"Kim\",\"text\":null,\"attachments\":[{\"path\":\"x.jpg\"}]},"
            + "{\"index\":2,\"kind\":\"text\",\"sender\":null,\"text\":\"12\"}],"
            + "\"missing\":[],\"warnings\":[\"w\"]}";

    @Test
    void readsChatexportJsonLinesIgnoringUnknownFields() throws Exception {
        List<ConversationReader.Labelled> all = ConversationReader.jsonLines(
                "f.jsonl", new StringReader(LINE + "\n\n" + LINE.replace("Sam", "Max") + "\n"));
        assertThat(all).hasSize(2);
        Conversation c = all.get(0).conversation();
        assertThat(all.get(0).id()).isEqualTo("f.jsonl#1");
        assertThat(c.messages())
                .extracting(Message::index, Message::sender, Message::text)
                .containsExactly(tuple(0, "Sam", "how old r u?"), tuple(1, "Kim", null), tuple(2, null, "12"));
        assertThat(all.get(0).label()).isNull();
        assertThat(all.get(1).conversation().messages().get(0).sender()).isEqualTo("Max");
    }

    @Test
    void readsLabelsIdsAndChildAge() throws Exception {
        String json = "{\"id\":\"c7\",\"label\":1,\"childAge\":12,\"messages\":[{\"index\":0,\"text\":\"hi\"}]}";
        ConversationReader.Labelled l =
                ConversationReader.jsonLines("x", new StringReader(json)).get(0);
        assertThat(l.label()).isTrue();
        assertThat(l.id()).isEqualTo("c7");
        assertThat(l.roles().childAge()).hasValue(12);
    }

    @Test
    void rejectsMalformedInputWithoutQuotingIt() {
        assertThatThrownBy(() -> ConversationReader.jsonLines(
                        "x", new StringReader("{\"messages\":[{\"index\":0,\"text\":\"private words\"")))
                .isInstanceOf(ConversationUnreadable.class)
                .message()
                .doesNotContain("private");
        assertThatThrownBy(() -> ConversationReader.jsonLines("x", new StringReader("{\"format\":\"sms\"}")))
                .isInstanceOf(ConversationUnreadable.class)
                .hasMessageContaining("no messages");
        assertThatThrownBy(() -> ConversationReader.jsonLines(
                        "x",
                        new StringReader("{\"messages\":[{\"index\":0,\"text\":\"a\"},{\"index\":0,\"text\":\"b\"}]}")))
                .isInstanceOf(ConversationUnreadable.class)
                .hasMessageContaining("duplicate");
        assertThatThrownBy(() -> ConversationReader.jsonLines(
                        "x",
                        new StringReader("{\"messages\":[{\"index\":0,\"text\":\"a\"},{\"index\":2,\"text\":\"b\"}]}")))
                .isInstanceOf(ConversationUnreadable.class)
                .hasMessageContaining("count from 0 in order");
        assertThatThrownBy(() -> ConversationReader.jsonLines("x", new StringReader("[1,2]")))
                .isInstanceOf(ConversationUnreadable.class)
                .hasMessageContaining("expected a JSON object");
        assertThatThrownBy(() ->
                        ConversationReader.jsonLines("x", new StringReader("{\"label\":\"yes\",\"messages\":[]}")))
                .isInstanceOf(ConversationUnreadable.class)
                .hasMessageContaining("label");
    }

    @Test
    void plainTextIsOneMessagePerNonEmptyLine() throws Exception {
        Conversation c = ConversationReader.plainText(new StringReader("hello\n\n  how are you?  \r\nbye"));
        assertThat(c.messages())
                .containsExactly(
                        Message.text(0, null, "hello"),
                        Message.text(1, null, "how are you?"),
                        Message.text(2, null, "bye"));
        assertThat(ConversationReader.looksLikeJson("\uFEFF  {\"a\":1}")).isTrue();
        assertThat(ConversationReader.looksLikeJson("hello {")).isFalse();
    }
}
