package org.filet.chatexport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.filet.chatexport.Fixtures.first;
import static org.filet.chatexport.Fixtures.last;
import static org.filet.chatexport.Fixtures.one;

import java.time.LocalDateTime;
import java.util.List;
import org.filet.conversation.Attachment;
import org.filet.conversation.ChatFormat;
import org.filet.conversation.Conversation;
import org.filet.conversation.Message;
import org.filet.conversation.MessageFlag;
import org.filet.conversation.MessageKind;
import org.filet.conversation.Participant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Expectations written by reading each WhatsApp fixture in shared/fixtures/chats/whatsapp. */
class WhatsAppFixturesTest {

    private static List<MessageKind> kinds(Conversation c) {
        return c.messages().stream().map(Message::kind).toList();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "chatminer_android_ddmmyy_24h.txt",
                "chatminer_android_mmddyy_24h.txt",
                "chatminer_android_mmddyyyy_12h_es_ampm.txt",
                "chatminer_android_yyyymmdd_24h.txt",
                "chatminer_ios_bracket_mmddyy_24h.txt"
            })
    void chatMinerFilesAllReadTheSameDespiteDateLayouts(String file) throws Exception {
        Conversation c = one("whatsapp/" + file);
        assertThat(c.format()).isEqualTo(ChatFormat.WHATSAPP);
        assertThat(c.messages()).hasSize(9); // 11 lines, two of them continuations
        assertThat(first(c).sender()).isEqualTo("John Doe");
        assertThat(first(c).local()).isEqualTo(LocalDateTime.of(2019, 1, 1, 11, 25));
        assertThat(last(c).sender()).isEqualTo("John Doe");
        assertThat(last(c).local()).isEqualTo(LocalDateTime.of(2021, 12, 30, 22, 1));
        assertThat(last(c).text()).isEqualTo("Lorem ipsum dolor sit amet,\nconsectetur adipiscing elit. Duis libero.");
        assertThat(c.messages().get(3).text()).isEqualTo("Lorem ipsum : dolor sit amet.");
        assertThat(c.messages().get(3).sender()).isEqualTo("John-John Doe");
        assertThat(kinds(c))
                .containsExactly(
                        MessageKind.MESSAGE,
                        MessageKind.MESSAGE,
                        MessageKind.MESSAGE,
                        MessageKind.MESSAGE,
                        MessageKind.SYSTEM,
                        MessageKind.SYSTEM,
                        MessageKind.MESSAGE,
                        MessageKind.MESSAGE,
                        MessageKind.MESSAGE);
        assertThat(c.messages().get(7).sender()).isEqualTo("\uD83E\uDD13");
        // "John Doe:." is kept (chat-miner drops it) and flagged
        assertThat(c.messages().get(1).text()).isEqualTo(".");
        assertThat(c.warnings()).anyMatch(w -> w.startsWith("line 2:"));
        assertThat(first(c).instant()).isNull();
        assertThat(first(c).zone()).startsWith("unknown");
        assertThat(c.missing()).anyMatch(m -> m.contains("most recent messages"));
    }

    @Test
    void twelveHourSpanishMarkersAndTheImpossibleZeroHour() throws Exception {
        Conversation c = one("whatsapp/chatminer_android_mmddyyyy_12h_es_ampm.txt");
        assertThat(c.messages().get(2).at()).isEqualTo("01/30/2019, 08:49 p. m.");
        assertThat(c.messages().get(2).local()).isEqualTo(LocalDateTime.of(2019, 1, 30, 20, 49));
        assertThat(c.messages().get(4).local()).isEqualTo(LocalDateTime.of(2020, 6, 20, 0, 8));
        assertThat(c.warnings()).anyMatch(w -> w.startsWith("line 6: impossible 12-hour time"));
        assertThat(c.messages().get(7).local()).isEqualTo(LocalDateTime.of(2021, 12, 20, 12, 10));
    }

    @Test
    void dayFirstDecidedByValueAboveTwelveIsNotFlagged() throws Exception {
        Conversation c = one("whatsapp/chatminer_android_ddmmyy_24h.txt");
        assertThat(c.warnings()).noneMatch(w -> w.contains("ambiguous"));
        assertThat(c.variant()).isEqualTo("android");
    }

    @Test
    void mixedDateOrdersInOneFileAreEachReadWhereValid() throws Exception {
        Conversation c = one("whatsapp/chm_android_en_with_media_mixed_dates.txt");
        assertThat(c.messages()).hasSize(13);
        assertThat(first(c).kind()).isEqualTo(MessageKind.SYSTEM);
        assertThat(first(c).local()).isEqualTo(LocalDateTime.of(2023, 6, 30, 16, 13));
        assertThat(last(c).local()).isEqualTo(LocalDateTime.of(2023, 6, 30, 16, 15));
        assertThat(last(c).kind()).isEqualTo(MessageKind.SYSTEM); // message timer notice
        Message multi = c.messages().get(2);
        assertThat(multi.text()).isEqualTo("hello there!\n\nthis is a\nmulti-line message!");
        Message image = c.messages().get(6);
        assertThat(image.attachments()).extracting(Attachment::path).containsExactly("IMG-20230630-WA0000.jpg");
        assertThat(image.attachments().get(0).inExport()).isFalse();
        assertThat(image.text()).endsWith("\nimage comment");
        assertThat(c.messages().get(10).kind()).isEqualTo(MessageKind.MEDIA);
        assertThat(c.messages().get(10).has(MessageFlag.VIEW_ONCE)).isTrue();
        assertThat(c.messages().get(11).kind()).isEqualTo(MessageKind.MEDIA);
        assertThat(c.missing()).anyMatch(m -> m.startsWith("4 attachment(s)"));
        assertThat(c.participants())
                .extracting(Participant::displayName)
                .containsExactly("Aaaaa Aaaaaaaaaaa", "+123 45 6789");
        assertThat(c.participants().get(1).phone()).isEqualTo("+123 45 6789");
        assertThat(c.variant()).isEqualTo("android-en");
    }

    @Test
    void germanGroupWithSystemMessagesCaptionsAndNoBreakSpaces() throws Exception {
        Conversation c = one("whatsapp/w2sqlite_android_de_group_system_msgs.txt");
        assertThat(c.variant()).isEqualTo("android-de");
        assertThat(first(c).kind()).isEqualTo(MessageKind.SYSTEM);
        assertThat(first(c).text()).startsWith("Carlos Matos hat die Gruppe");
        assertThat(c.messages().get(2).kind()).isEqualTo(MessageKind.SYSTEM); // number change with NBSPs
        Message ptt = c.messages().get(4);
        assertThat(ptt.sender()).isEqualTo("Sebastian Kowalak");
        assertThat(ptt.attachments()).extracting(Attachment::path).containsExactly("PTT-20171201-WA0031.opus");
        Message withCaption = c.messages().get(12);
        assertThat(withCaption.attachments()).extracting(Attachment::path).containsExactly("VID-20181031-WA0007.mp4");
        assertThat(withCaption.text()).contains("\n#beseness");
        Message lrmDocument = c.messages().get(16);
        assertThat(lrmDocument.attachments())
                .extracting(Attachment::path)
                .containsExactly("Aschenputtelsketch.docx-1.docx");
        assertThat(c.messages()).allMatch(m -> m.kind() != MessageKind.UNPARSED);
        assertThat(last(c).sender()).isEqualTo("+49 374 6165536");
        assertThat(last(c).attachments()).extracting(Attachment::path).containsExactly("Basam.vcf");
        assertThat(last(c).local()).isEqualTo(LocalDateTime.of(2012, 12, 12, 11, 50));
        assertThat(c.participants()).anyMatch(p -> "+49 374 6165536".equals(p.phone()));
    }

    @Test
    void germanOneToOneMultiLineAndContactCard() throws Exception {
        Conversation c = one("whatsapp/w2sqlite_android_de_1to1.txt");
        assertThat(c.messages()).hasSize(8);
        assertThat(first(c).kind()).isEqualTo(MessageKind.SYSTEM);
        assertThat(c.messages().get(5).text()).contains("\n\nBy the way");
        assertThat(c.messages().get(6).attachments())
                .extracting(Attachment::path)
                .containsExactly("Max Caulfield.vcf");
        assertThat(last(c).sender()).isEqualTo("Jane Doe");
        assertThat(last(c).local()).isEqualTo(LocalDateTime.of(2021, 2, 18, 5, 41));
    }

    @Test
    void emptyExportIsAnEmptyConversation() throws Exception {
        Conversation c = one("whatsapp/w2sqlite_empty_file.txt");
        assertThat(c.messages()).isEmpty();
        assertThat(c.format()).isEqualTo(ChatFormat.WHATSAPP);
    }

    @Test
    void twelveHeaderVariantsEachBecomeOneMessage() throws Exception {
        Conversation c = one("whatsapp/pustur_inline_header_variants.txt");
        assertThat(c.messages()).hasSize(12).allSatisfy(m -> {
            assertThat(m.kind()).isEqualTo(MessageKind.MESSAGE);
            assertThat(m.sender()).isEqualTo("a");
            assertThat(m.text()).isEqualTo("m");
            assertThat(m.local()).isNotNull();
        });
        // 13 June 2018 21:25:15 in the unambiguous variants
        for (int i : new int[] {2, 3, 4, 5, 8, 9}) {
            assertThat(c.messages().get(i).local())
                    .as("line " + (i + 1))
                    .isEqualTo(LocalDateTime.of(2018, 6, 13, 21, 25, 15));
        }
        assertThat(c.messages().get(11).at()).isEqualTo("3/6/18, 1:55\u202FPM"); // NNBSP kept as written
        assertThat(c.messages().get(10).local().getHour()).isEqualTo(13); // "p.\u00A0m."
        assertThat(c.warnings()).anyMatch(w -> w.contains("ambiguous date order"));
    }

    @Test
    void fourAttachmentSyntaxes() throws Exception {
        Conversation c = one("whatsapp/pustur_inline_attachment_variants.txt");
        assertThat(c.messages()).hasSize(4);
        assertThat(c.messages())
                .flatExtracting(Message::attachments)
                .extracting(Attachment::path)
                .containsExactly(
                        "00000042-PHOTO-2020-06-07-15-13-20.jpg",
                        "IMG-20210428-WA0001.jpg",
                        "2015-08-04-PHOTO-00004762.jpg",
                        "4f2680f1db95a8454775cc2eefc95bfc.jpg");
        assertThat(last(c).text()).endsWith("\nDir auch frohe Ostern.");
    }

    @Test
    void shortChatWithBlankLineInsideAMessage() throws Exception {
        Conversation c = one("whatsapp/pustur_inline_short_chat.txt");
        assertThat(kinds(c))
                .containsExactly(
                        MessageKind.SYSTEM,
                        MessageKind.SYSTEM,
                        MessageKind.MESSAGE,
                        MessageKind.MESSAGE,
                        MessageKind.MESSAGE);
        assertThat(last(c).sender()).isEqualTo("+410123456789");
        assertThat(last(c).text()).isEqualTo("How are you?\n\nIs everything alright?");
        assertThat(c.warnings()).anyMatch(w -> w.contains("ambiguous date order"));
    }

    @Test
    void mixedIosAndAndroidHeadersWithTildeAuthors() throws Exception {
        Conversation c = one("whatsapp/langchain_mixed_headers_tilde_authors.txt");
        assertThat(c.variant()).startsWith("mixed");
        assertThat(c.messages()).hasSize(10);
        assertThat(first(c).sender()).isEqualTo("James");
        assertThat(c.messages().get(3).local()).isEqualTo(LocalDateTime.of(2023, 1, 23, 3, 22)); // 3:22_AM
        assertThat(c.messages().get(4).sender()).isEqualTo("~ User name 2");
        assertThat(c.messages().get(5).local()).isEqualTo(LocalDateTime.of(2023, 5, 4, 16, 13, 23));
        assertThat(c.messages().get(8).kind()).isEqualTo(MessageKind.MEDIA);
        assertThat(last(c).kind()).isEqualTo(MessageKind.DELETED);
        assertThat(last(c).local()).isEqualTo(LocalDateTime.of(2023, 6, 29, 0, 16));
    }

    @Test
    void cyrillicIosDottedDatesAndUnmarkedEncryptionNotice() throws Exception {
        Conversation c = one("whatsapp/chatpack_ios_ru_dd.mm.yy.txt");
        assertThat(c.variant()).startsWith("ios");
        assertThat(c.messages()).hasSize(6);
        assertThat(first(c).local()).isEqualTo(LocalDateTime.of(2024, 1, 15, 10, 30));
        assertThat(c.messages().get(4).kind()).isEqualTo(MessageKind.SYSTEM);
        assertThat(last(c).sender()).isEqualTo("Bob");
    }

    @Test
    void documentationSnippetsKeepTextBeforeTheFirstHeaderAsUnparsed() throws Exception {
        Conversation ios = one("whatsapp/inconsistencies_doc_ios_snippets.txt");
        assertThat(first(ios).kind()).isEqualTo(MessageKind.UNPARSED);
        assertThat(first(ios).position()).isEqualTo("line 1");
        assertThat(ios.messages().get(1).local()).isEqualTo(LocalDateTime.of(2019, 1, 1, 12, 0));
        assertThat(ios.messages().get(5).kind()).isEqualTo(MessageKind.SYSTEM); // "Jane Doe: \u200EMessages to ..."
        assertThat(ios.messages().get(6).kind()).isEqualTo(MessageKind.SYSTEM); // group-name sender
        Conversation android = one("whatsapp/inconsistencies_doc_android_snippets.txt");
        assertThat(android.messages()).hasSize(7);
        assertThat(android.messages().get(3).sender()).isEqualTo("+1 (000) 000-0000");
    }

    @Test
    void signalExportMarkdownIsReadAsSignal() throws Exception {
        Conversation c = one("signal/chatminer_signal_export_markdown.txt");
        assertThat(c.format()).isEqualTo(ChatFormat.SIGNAL);
        assertThat(c.messages()).hasSize(2);
        assertThat(first(c).local()).isEqualTo(LocalDateTime.of(2019, 12, 24, 12, 23));
        assertThat(last(c).text()).isEqualTo("Hello\nJane!");
    }
}
