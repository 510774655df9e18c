package org.filet.chatexport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.filet.chatexport.Fixtures.first;
import static org.filet.chatexport.Fixtures.last;
import static org.filet.chatexport.Fixtures.one;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.filet.conversation.Attachment;
import org.filet.conversation.ChatFormat;
import org.filet.conversation.Conversation;
import org.filet.conversation.Message;
import org.filet.conversation.MessageFlag;
import org.filet.conversation.MessageKind;
import org.filet.conversation.Participant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Expectations written by reading the Messenger/Instagram fixtures. */
class MetaFixturesTest {

    @Test
    void mojibakeIsRepairedAndNewestFirstIsPutInTimeOrder() throws Exception {
        Conversation c = one("messenger_instagram/msgvault_dyi_json_simple_mojibake.json");
        assertThat(c.format()).isEqualTo(ChatFormat.MESSENGER);
        assertThat(c.variant()).isEqualTo("dyi-json");
        assertThat(c.title()).isEqualTo("Alice Example");
        assertThat(c.messages()).extracting(Message::text).containsExactly("Hello", "caf\u00e9 time?", "See you soon");
        assertThat(first(c).instant()).isEqualTo(Instant.ofEpochMilli(1600000000000L));
        assertThat(first(c).position()).endsWith("messages[2]");
        assertThat(last(c).sender()).isEqualTo("Test User");
        assertThat(c.missing()).anyMatch(m -> m.contains("end-to-end encryption"));
    }

    @Test
    void e2eeDownloadIsOldestFirstWithUnsentMessage() throws Exception {
        Conversation c = one("messenger_instagram/msgvault_e2ee_alice_1.json");
        assertThat(c.variant()).isEqualTo("e2ee-json");
        assertThat(c.messages()).hasSize(4);
        assertThat(c.messages().get(1).text()).isEqualTo("caf\u00e9 time?");
        assertThat(last(c).kind()).isEqualTo(MessageKind.DELETED);
        assertThat(last(c).has(MessageFlag.UNSENT)).isTrue();
        assertThat(c.participants()).extracting(Participant::displayName).containsExactly("Test User", "Alice Example");
    }

    @Test
    void e2eeGroupMediaIsReferencedButAbsent() throws Exception {
        Conversation c = one("messenger_instagram/msgvault_e2ee_group_2.json");
        assertThat(c.title()).isEqualTo("Weekend crew");
        assertThat(last(c).attachments()).extracting(Attachment::path).containsExactly("./media/photo.jpg");
        assertThat(last(c).attachments().get(0).inExport()).isFalse();
        assertThat(c.missing()).anyMatch(m -> m.startsWith("1 media file"));
    }

    @Test
    void callsShareStickerAndLeaveNotice() throws Exception {
        Conversation c = one("messenger_instagram/msgvault_dyi_json_nontext_call_share_sticker.json");
        assertThat(c.messages())
                .extracting(Message::kind)
                .containsExactly(
                        MessageKind.SYSTEM,
                        MessageKind.MESSAGE,
                        MessageKind.CALL,
                        MessageKind.CALL,
                        MessageKind.MESSAGE,
                        MessageKind.MESSAGE);
        assertThat(c.messages().get(1).text()).isEqualTo("https://example.com/article");
        assertThat(last(c).attachments()).extracting(Attachment::path).containsExactly("messages/stickers_used/1.png");
    }

    @Test
    void groupAndArchivedThreadsAndAltRoot() throws Exception {
        assertThat(one("messenger_instagram/msgvault_dyi_json_group.json").participants())
                .hasSize(3);
        Conversation archived = one("messenger_instagram/msgvault_dyi_archived_thread.json");
        assertThat(archived.messages()).hasSize(1);
        assertThat(first(archived).text()).isEqualTo("Old message in archive");
        Conversation alt = one("messenger_instagram/msgvault_dyi_your_facebook_activity_path_media.json");
        assertThat(first(alt).attachments())
                .extracting(Attachment::path)
                .containsExactly("messages/inbox/carol_ALT456/photos/tiny.png");
    }

    @Test
    void instagramThreadsReadAsInstagramWhenThePathSaysSo(@TempDir Path dir) throws Exception {
        Path thread = dir.resolve("your_instagram_activity/messages/inbox/test_123");
        Files.createDirectories(thread);
        Files.copy(
                Fixtures.file("messenger_instagram/chatpack_instagram_share_empty.json"),
                thread.resolve("message_1.json"));
        Conversation c = ChatImport.parse(dir).get(0);
        assertThat(c.format()).isEqualTo(ChatFormat.INSTAGRAM);
        assertThat(c.messages()).hasSize(6);
        assertThat(last(c).text()).isNull();
        assertThat(c.messages().get(4).text()).startsWith("Check this shared link");
    }

    @Test
    void multiFileThreadIsMergedInNumericPartOrderThenTime(@TempDir Path dir) throws Exception {
        Path thread = dir.resolve("messages/inbox/dave_MULTI");
        Files.createDirectories(thread);
        for (String n : List.of("1", "2", "10")) {
            Files.copy(
                    Fixtures.file("messenger_instagram/msgvault_dyi_multifile_message_" + n + ".json"),
                    thread.resolve("message_" + n + ".json"));
        }
        List<Conversation> cs = ChatImport.parse(dir);
        assertThat(cs).hasSize(1);
        assertThat(cs.get(0).messages())
                .extracting(Message::text)
                .containsExactly(
                        "Message A (from file 1, oldest)",
                        "Message B (from file 1, newer)",
                        "Message C (from file 2)",
                        "Message D (from file 10, newest)");
    }

    @Test
    void langchainThreadWithPhotoOnlyMessage() throws Exception {
        Conversation c = one("messenger_instagram/langchain_facebook_chat.json");
        assertThat(c.messages()).hasSize(11);
        assertThat(first(c).sender()).isEqualTo("User 1");
        assertThat(last(c).text()).isEqualTo("Bye!");
        assertThat(c.messages().get(4).attachments()).hasSize(1);
        assertThat(c.messages().get(4).text()).isNull();
    }

    @Test
    void minimalInstagramWithoutParticipants() throws Exception {
        Conversation c = one("messenger_instagram/chatminer_instagram_minimal.json");
        assertThat(c.messages()).extracting(Message::sender).containsExactly("Jane Doe", "John Doe");
    }

    @Test
    void truncatedJsonIsANamedError() {
        Path p = Fixtures.file("messenger_instagram/msgvault_dyi_corrupt_truncated.json");
        assertThatThrownBy(() -> ChatImport.parse(p))
                .isInstanceOf(UnreadableExport.class)
                .hasMessageContaining("msgvault_dyi_corrupt_truncated.json")
                .hasMessageContaining("malformed")
                .extracting(e -> ((UnreadableExport) e).reason())
                .isEqualTo(UnreadableExport.Reason.MALFORMED);
    }

    @Test
    void htmlExportIsRefusedWithAHelpfulReason() {
        Path p = Fixtures.file("messenger_instagram/msgvault_dyi_html_simple.html");
        assertThatThrownBy(() -> ChatImport.parse(p))
                .isInstanceOf(UnreadableExport.class)
                .hasMessageContaining("HTML");
    }
}
