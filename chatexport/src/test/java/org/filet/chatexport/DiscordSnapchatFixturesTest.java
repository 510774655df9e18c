package org.filet.chatexport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.filet.chatexport.Fixtures.first;
import static org.filet.chatexport.Fixtures.last;
import static org.filet.chatexport.Fixtures.one;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.filet.conversation.Attachment;
import org.filet.conversation.Conversation;
import org.filet.conversation.Message;
import org.filet.conversation.MessageFlag;
import org.filet.conversation.MessageKind;
import org.junit.jupiter.api.Test;

/** Expectations written by reading the Discord and Snapchat fixtures. */
class DiscordSnapchatFixturesTest {

    @Test
    void exporterJson() throws Exception {
        Conversation c = one("discord/chatpack_dce_minimal.json");
        assertThat(c.variant()).isEqualTo("dce-json");
        assertThat(c.title()).isEqualTo("Test Server / general");
        assertThat(first(c).sender()).isEqualTo("Alice");
        assertThat(first(c).senderId()).isEqualTo("111");
        assertThat(first(c).instant()).isEqualTo(Instant.parse("2024-01-15T10:30:00Z"));
        Message reply = c.messages().get(1);
        assertThat(reply.edited()).isTrue();
        assertThat(reply.has(MessageFlag.REPLY)).isTrue();
        assertThat(reply.attachments()).extracting(Attachment::path).containsExactly("image.png");
        assertThat(last(c).kind()).isEqualTo(MessageKind.MEDIA);
    }

    @Test
    void exporterCsvAndText() throws Exception {
        Conversation csv = one("discord/chatpack_dce.csv");
        assertThat(csv.variant()).isEqualTo("dce-csv");
        assertThat(csv.messages())
                .extracting(Message::text)
                .containsExactly("Hello Discord!", "Hi Alice!", "How are you?");
        assertThat(csv.messages().get(1).attachments()).hasSize(1);
        assertThat(csv.missing()).anyMatch(m -> m.contains("expire"));
        Conversation txt = one("discord/chatpack_dce_plaintext.txt");
        assertThat(txt.variant()).isEqualTo("dce-txt");
        assertThat(txt.messages()).hasSize(3);
        assertThat(first(txt).local()).isEqualTo(LocalDateTime.of(2024, 1, 15, 10, 30));
        assertThat(first(txt).instant()).isNull();
        assertThat(txt.messages().get(1).attachments())
                .extracting(Attachment::path)
                .containsExactly("https://cdn.discordapp.com/attachments/123/456/image.png");
        assertThat(last(txt).kind()).isEqualTo(MessageKind.MEDIA);
        assertThat(txt.warnings()).isEmpty(); // footer count matches
    }

    @Test
    void officialPackageHoldsOnlyTheOwnersMessages() throws Exception {
        List<Conversation> cs = Fixtures.parse("discord/SYNTHETIC_official_package");
        assertThat(cs).hasSize(2);
        Conversation dm = cs.get(0);
        assertThat(dm.title()).isEqualTo("Direct Message with someuser#0");
        assertThat(dm.variant()).isEqualTo("package-json");
        assertThat(dm.participants()).hasSize(3);
        assertThat(dm.missing()).anyMatch(m -> m.contains("only the requester's own messages"));
        assertThat(dm.messages()).allMatch(m -> m.has(MessageFlag.FROM_ACCOUNT_OWNER));
        Conversation guild = cs.get(1);
        assertThat(guild.variant()).isEqualTo("package-csv");
        assertThat(first(guild).text()).isEqualTo("multi-line, with \"quotes\"\nsecond line");
        assertThat(first(guild).instant()).isEqualTo(Instant.parse("2020-08-25T22:54:05.726Z"));
        assertThat(last(guild).attachments()).hasSize(2);
    }

    @Test
    void snapchatUnsavedMessagesAreKeptAndCounted() throws Exception {
        List<Conversation> cs = Fixtures.parse("snapchat/SYNTHETIC_chat_history_2023plus.json");
        assertThat(cs).hasSize(2);
        Conversation c = cs.get(0);
        assertThat(c.messages()).hasSize(3);
        assertThat(first(c).kind()).isEqualTo(MessageKind.MEDIA); // oldest after ordering
        assertThat(first(c).attachments()).hasSize(2);
        assertThat(last(c).text()).isNull();
        assertThat(last(c).has(MessageFlag.NOT_SAVED)).isTrue();
        assertThat(last(c).instant()).isEqualTo(Instant.ofEpochMilli(1713576562686L)); // ms, not microseconds
        assertThat(c.missing()).anyMatch(m -> m.startsWith("1 text message(s)"));
        assertThat(cs.get(1).title()).isEqualTo("Group Chat Name");
        assertThat(first(cs.get(1)).kind()).isEqualTo(MessageKind.SYSTEM);
    }

    @Test
    void snapchatLegacySavedHistoryDecodesEntities() throws Exception {
        Conversation c = one("snapchat/SYNTHETIC_chat_history_legacy_2019-2022.json");
        assertThat(first(c).text()).isEqualTo("don't tell your mum");
        assertThat(last(c).has(MessageFlag.FROM_ACCOUNT_OWNER)).isTrue();
        assertThat(c.variant()).isEqualTo("saved-chat-history-json");
    }
}
