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
import org.filet.conversation.MessageFlag;
import org.filet.conversation.MessageKind;
import org.filet.conversation.Participant;
import org.junit.jupiter.api.Test;

/** Expectations written by reading the Telegram fixtures. */
class TelegramFixturesTest {

    @Test
    void entityArraysAreConcatenatedAndFlagsRead() throws Exception {
        Conversation c = one("telegram/chatpack_tg_single_chat_entities_reply_edit.json");
        assertThat(c.title()).isEqualTo("Complex Chat");
        assertThat(c.messages()).hasSize(5);
        assertThat(first(c).text()).isEqualTo("Check out this link: https://example.com - it's great!");
        assertThat(first(c).instant()).isEqualTo(Instant.ofEpochSecond(1708441200L));
        assertThat(first(c).at()).isEqualTo("2024-02-20T15:00:00");
        assertThat(c.messages().get(1).has(MessageFlag.REPLY)).isTrue();
        assertThat(c.messages().get(2).edited()).isTrue();
        assertThat(c.messages().get(3).kind()).isEqualTo(MessageKind.SYSTEM);
        assertThat(c.messages().get(3).text()).isEqualTo("pin_message");
        assertThat(last(c).text()).isEmpty();
    }

    @Test
    void fullExportHoldsOneConversationPerChatWithIntegerIdsAndEditSentinel() throws Exception {
        List<Conversation> cs = Fixtures.parse("telegram/chm_tg_2020-01_full_export_many_types.json");
        assertThat(cs).hasSizeGreaterThanOrEqualTo(4);
        Conversation group = cs.get(0);
        assertThat(group.title()).isEqualTo("ppppppp gggggg");
        assertThat(group.variant()).isEqualTo("desktop-json-full:private_group");
        assertThat(group.messages()).hasSize(31);
        assertThat(first(group).kind()).isEqualTo(MessageKind.SYSTEM);
        assertThat(first(group).senderId()).isEqualTo("22222222");
        assertThat(first(group).instant()).isNull(); // 2020 exports have no date_unixtime
        assertThat(first(group).local()).isEqualTo(LocalDateTime.of(2016, 11, 9, 0, 26, 24));
        assertThat(group.warnings()).anyMatch(w -> w.contains("1970-01-01T05:00:00"));
        assertThat(group.messages())
                .filteredOn(m -> m.has(MessageFlag.FORWARDED))
                .isNotEmpty();
        assertThat(group.messages().get(22).edited()).isTrue();
        assertThat(group.messages().get(11).kind()).isEqualTo(MessageKind.MEDIA);
        Conversation personal = cs.get(1);
        assertThat(personal.messages())
                .filteredOn(m -> m.kind() == MessageKind.CALL)
                .hasSize(2);
    }

    @Test
    void deletedAccountHasNoNameButKeepsItsId() throws Exception {
        Conversation c = one("telegram/chm_tg_2023-08_null_from_deleted_account.json");
        assertThat(first(c).sender()).isNull();
        assertThat(first(c).senderId()).isEqualTo("user5555555555");
        assertThat(c.participants()).extracting(Participant::displayName).containsExactly("(deleted account)");
        assertThat(first(c).zone()).startsWith("UTC");
    }

    @Test
    void fileNotIncludedIsReferencedButAbsent() throws Exception {
        Conversation c = one("telegram/chm_tg_2024-05_file_not_included.json");
        assertThat(first(c).kind()).isEqualTo(MessageKind.MEDIA);
        assertThat(first(c).attachments()).extracting(Attachment::path).containsExactly("my-file.jpg");
        assertThat(c.missing()).anyMatch(m -> m.startsWith("2 media file"));
        assertThat(last(c).text()).isEqualTo("boost_apply");
    }

    @Test
    void forwardsSelfDestructAndChannels() throws Exception {
        List<Conversation> cs = Fixtures.parse("telegram/chm_tg_2025-12_edited_unixtime_forward_selfdestruct.json");
        Conversation group = cs.get(0);
        assertThat(group.messages().get(1).has(MessageFlag.FORWARDED)).isTrue();
        assertThat(group.messages().get(2).edited()).isTrue();
        assertThat(last(group).has(MessageFlag.SELF_DESTRUCT)).isTrue();
        assertThat(cs).extracting(Conversation::title).contains("Dummy Public Channel");
    }

    @Test
    void minimalSingleAndBatchExports() throws Exception {
        Conversation single = one("telegram/chatminer_tg_single_minimal.json");
        assertThat(last(single).text()).isEqualTo("Link:https://telegram.org/");
        Conversation batch = one("telegram/chatminer_tg_batch_minimal.json");
        assertThat(batch.title()).isEqualTo("Chatname");
        assertThat(first(batch).instant()).isEqualTo(Instant.ofEpochSecond(1544006350L));
        assertThat(one("telegram/chm_tg_2023-10_audio_video.json").messages()).hasSize(4);
        assertThat(one("telegram/chm_tg_2021-05_group_migrate.json").messages()).hasSize(3);
        assertThat(one("telegram/chm_tg_2021-06_supergroup.json").messages()).hasSize(4);
        assertThat(last(one("telegram/chm_tg_2025-02_file_size.json")).attachments())
                .hasSize(1);
        assertThat(one("telegram/chatpack_tg_single_chat_simple.json").messages())
                .hasSize(4);
    }
}
