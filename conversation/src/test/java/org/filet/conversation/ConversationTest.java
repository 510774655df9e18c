package org.filet.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConversationTest {

    @Test
    void plainTextIsOneMessagePerLineIndexedFromZero() {
        Conversation c = Conversation.ofLines(List.of("hello", "how are you?"));
        assertThat(c.format()).isEqualTo(ChatFormat.TEXT);
        assertThat(c.format().jsonName()).isEqualTo("text");
        assertThat(c.messages()).containsExactly(Message.text(0, null, "hello"), Message.text(1, null, "how are you?"));
        assertThat(c.messages())
                .allMatch(
                        m -> m.kind() == MessageKind.MESSAGE && m.attachments().isEmpty());
    }

    @Test
    void messagesMustBeIndexedInOrder() {
        assertThatThrownBy(() -> Conversation.of(List.of(Message.text(0, "a", "x"), Message.text(2, "b", "y"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("messages[1] has index 2");
        assertThatThrownBy(() -> Message.text(-1, "a", "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toStringsHideTextAndNames() {
        Conversation c = Conversation.of(List.of(Message.text(0, "Lea", "secret words")));
        assertThat(c.toString()).doesNotContain("secret", "Lea");
        assertThat(c.messages().get(0).toString()).doesNotContain("secret", "Lea");
        assertThat(Participant.named("Lea").toString()).doesNotContain("Lea");
    }
}
