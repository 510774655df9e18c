package org.filet.chatexport;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import org.filet.conversation.ChatFormat;
import org.filet.conversation.Conversation;
import org.filet.conversation.Message;
import org.filet.conversation.MessageKind;
import org.filet.conversation.Participant;
import org.junit.jupiter.api.Test;

/**
 * Exports are recognised and read by their content whatever their digits, calendar or script (issue 12.7). Every
 * chat here is synthetic and written for this test.
 */
class ScriptsAndCalendarsTest {

    private static Conversation only(String name, String text) throws UnreadableExport {
        List<Conversation> cs = ChatImport.parse(name, name, text.getBytes(UTF_8), ImportOptions.DEFAULT);
        assertThat(cs).hasSize(1);
        return cs.get(0);
    }

    @Test
    void iosExportWithArabicIndicDigitsIsAChatNotJson() throws Exception {
        String text = "[١٨/٣/٢٠٢٢، ٢:٥٦:٠٠ م] سارة: مرحبا، كيف حالك؟\r\n"
                + "[١٨/٣/٢٠٢٢، ٢:٥٧:١٢ م] Karim: بخير، شكرا\r\n"
                + "وأنت؟\r\n"
                + "\u200F[١٩\u200F/٣\u200F/٢٠٢٢، ٩:٠٣:٠٥\u202Fص] سارة: هل أنهيت الواجب؟\r\n"
                + "[٢٠/٣/٢٠٢٢، ١٢:١٠:٠٠ ص] Karim: نعم، تصبح على خير\r\n";
        byte[] bytes = text.getBytes(UTF_8);

        assertThat(ChatImport.kindOf(bytes)).isEqualTo(ChatImport.ContentKind.TEXT);
        assertThat(ChatImport.detect("_chat.txt", "_chat.txt", bytes)).containsExactly(ChatFormat.WHATSAPP);
        Conversation c = only("_chat.txt", text);

        assertThat(c.messages()).hasSize(4);
        assertThat(c.messages()).extracting(Message::kind).containsOnly(MessageKind.MESSAGE);
        assertThat(c.messages()).extracting(Message::sender).containsExactly("سارة", "Karim", "سارة", "Karim");
        assertThat(c.messages())
                .extracting(Message::local)
                .containsExactly(
                        LocalDateTime.of(2022, 3, 18, 14, 56, 0), LocalDateTime.of(2022, 3, 18, 14, 57, 12),
                        LocalDateTime.of(2022, 3, 19, 9, 3, 5), LocalDateTime.of(2022, 3, 20, 0, 10, 0));
        assertThat(c.messages().get(1).text()).isEqualTo("بخير، شكرا\nوأنت؟");
        assertThat(c.variant()).startsWith("ios");
        assertThat(c.participants()).extracting(Participant::displayName).containsExactly("سارة", "Karim");
    }

    @Test
    void persianDigitsInTheSolarHijriCalendarAreReadAndConverted() throws Exception {
        String text = "[۱۴۰۰/۱۲/۲۷، ۱۴:۵۶:۰۰] مریم: سلام\r\n"
                + "[۱۴۰۰/۱۲/۲۹، ۰۹:۰۵:۳۰] Reza: سلام، خوبی؟\r\n"
                + "[۱۴۰۱/۰۱/۰۱، ۲۳:۵۹:۵۹] مریم: نوروز مبارک\r\n";
        Conversation c = only("_chat.txt", text);

        assertThat(c.messages()).extracting(Message::sender).containsExactly("مریم", "Reza", "مریم");
        assertThat(c.messages())
                .extracting(Message::local)
                .containsExactly(
                        LocalDateTime.of(2022, 3, 18, 14, 56),
                        LocalDateTime.of(2022, 3, 20, 9, 5, 30),
                        LocalDateTime.of(2022, 3, 21, 23, 59, 59));
        assertThat(c.messages()).extracting(Message::at).first().isEqualTo("۱۴۰۰/۱۲/۲۷، ۱۴:۵۶:۰۰");
        assertThat(c.warnings()).anyMatch(w -> w.contains("Solar Hijri") && w.contains("confirm"));
    }

    @Test
    void persianDigitsWithGregorianDatesAndPersianAfternoonMarker() throws Exception {
        String text = "[۱۸/۳/۲۰۲۲، ۲:۵۶:۰۰ ب.ظ.] مریم: سلام\n" + "[۱۹/۳/۲۰۲۲، ۱۰:۰۱:۰۰ ق.ظ.] Reza: صبح بخیر\n";
        Conversation c = only("_chat.txt", text);

        assertThat(c.messages())
                .extracting(Message::local)
                .containsExactly(LocalDateTime.of(2022, 3, 18, 14, 56), LocalDateTime.of(2022, 3, 19, 10, 1));
        assertThat(c.warnings()).noneMatch(w -> w.contains("calendar"));
    }

    @Test
    void androidArabicWithDirectionMarksAndADash() throws Exception {
        String text =
                "١٨\u200F/٣\u200F/٢٠٢٢، ٢:٥٦ م - سارة: مرحبا\n" + "١٨\u200F/٣\u200F/٢٠٢٢، ١١:٠٤ م - Karim: أهلا\n";
        Conversation c = only("WhatsApp Chat.txt", text);

        assertThat(c.variant()).startsWith("android");
        assertThat(c.messages())
                .extracting(Message::local)
                .containsExactly(LocalDateTime.of(2022, 3, 18, 14, 56), LocalDateTime.of(2022, 3, 18, 23, 4));
    }

    @Test
    void hijriYearsOfSaudiPhonesAreConverted() throws Exception {
        String text = "[١٥/٨/١٤٤٣، ٢:٥٦:٠٠ م] سارة: مرحبا\n[١٦/٨/١٤٤٣، ٨:٠٠:٠٠ ص] Karim: صباح الخير\n";
        Conversation c = only("_chat.txt", text);

        assertThat(c.messages())
                .extracting(Message::local)
                .containsExactly(LocalDateTime.of(2022, 3, 18, 14, 56), LocalDateTime.of(2022, 3, 19, 8, 0));
        assertThat(c.warnings()).anyMatch(w -> w.contains("Hijri (Umm al-Qura)"));
    }

    @Test
    void devanagariDigitsAndMarathiMarkers() throws Exception {
        String text = "१८/३/२२, २:५६ म.उ. - राहुल: नमस्कार\n१९/३/२२, ९:०५ म.पू. - Asha: शुभ सकाळ\n";
        Conversation c = only("chat.txt", text);

        assertThat(c.messages()).extracting(Message::sender).containsExactly("राहुल", "Asha");
        assertThat(c.messages())
                .extracting(Message::local)
                .containsExactly(LocalDateTime.of(2022, 3, 18, 14, 56), LocalDateTime.of(2022, 3, 19, 9, 5));
    }

    @Test
    void markersBeforeTheTimeInChineseAndKorean() throws Exception {
        Conversation zh = only("_chat.txt", "[2022/3/18 下午2:56:00] 小明: 你好\n[2022/3/19 上午9:01:02] Lin: 早上好\n");
        assertThat(zh.messages())
                .extracting(Message::local)
                .containsExactly(LocalDateTime.of(2022, 3, 18, 14, 56), LocalDateTime.of(2022, 3, 19, 9, 1, 2));

        Conversation ko = only("_chat.txt", "[2022. 3. 18. 오후 2:56:00] 민수: 안녕\n[2022. 3. 19. 오전 12:30:00] Jin: 잘 자\n");
        assertThat(ko.messages())
                .extracting(Message::local)
                .containsExactly(LocalDateTime.of(2022, 3, 18, 14, 56), LocalDateTime.of(2022, 3, 19, 0, 30));
    }

    @Test
    void greekAndVietnameseMarkersAfterTheTime() throws Exception {
        Conversation el = only("chat.txt", "18/3/22, 2:56 μ.μ. - Νίκος: γεια\n19/3/22, 9:00 π.μ. - Eleni: καλημέρα\n");
        assertThat(el.messages())
                .extracting(Message::local)
                .containsExactly(LocalDateTime.of(2022, 3, 18, 14, 56), LocalDateTime.of(2022, 3, 19, 9, 0));

        Conversation vi = only("chat.txt", "18/3/22, 2:56 CH - Minh: chào\n19/3/22, 9:00 SA - Lan: chào buổi sáng\n");
        assertThat(vi.messages())
                .extracting(Message::local)
                .containsExactly(LocalDateTime.of(2022, 3, 18, 14, 56), LocalDateTime.of(2022, 3, 19, 9, 0));
    }

    @Test
    void thaiBuddhistYearsWithoutBe() throws Exception {
        Conversation c =
                only("_chat.txt", "[18/3/2565 14:56:00] Somchai: สวัสดี\n[19/3/2565 09:00:00] Nok: สวัสดีตอนเช้า\n");
        assertThat(c.messages())
                .extracting(Message::local)
                .containsExactly(LocalDateTime.of(2022, 3, 18, 14, 56), LocalDateTime.of(2022, 3, 19, 9, 0));
        assertThat(c.warnings()).anyMatch(w -> w.contains("Buddhist"));
    }

    @Test
    void onlyRealJsonArraysAreTakenForJson() {
        for (String json : List.of(
                "[]", "[ {\"a\":1} ]", "[\"x\"]", "[1, 2]", "[-0.5]", "[true]", "[null,1]", "[[1]]", "[\n  {")) {
            assertThat(ChatImport.kindOf(json.getBytes(UTF_8))).as(json).isEqualTo(ChatImport.ContentKind.JSON);
        }
        for (String text : List.of(
                "[3/18/22, 14:56:00] A: b",
                "[١٨/٣/٢٠٢٢، ٢:٥٦:٠٠ م] A: b",
                "[Note] a plain text",
                "[18.03.22, 14:56:00] A: b",
                "[2019-12-24, 12:23] Jane: hi",
                "[14:56:01, 3/18/22] A: b",
                "[१८/३/२२, २:५६:०० PM] A: b",
                "[12abc]")) {
            assertThat(ChatImport.kindOf(text.getBytes(UTF_8))).as(text).isEqualTo(ChatImport.ContentKind.TEXT);
        }
    }

    @Test
    void sharedFixturesKeepTheirKind() throws Exception {
        java.nio.file.Path root = Fixtures.chats();
        List<java.nio.file.Path> files;
        try (var walk = java.nio.file.Files.walk(root)) {
            files = walk.filter(java.nio.file.Files::isRegularFile).toList();
        }
        int checked = 0;
        for (java.nio.file.Path f : files) {
            String name = f.getFileName().toString();
            ChatImport.ContentKind kind = ChatImport.kindOf(java.nio.file.Files.readAllBytes(f));
            if (name.endsWith(".json")) {
                assertThat(kind).as(name).isIn(ChatImport.ContentKind.JSON, ChatImport.ContentKind.EMPTY);
                checked++;
            } else if (name.endsWith(".txt") || name.endsWith(".csv")) {
                assertThat(kind).as(name).isIn(ChatImport.ContentKind.TEXT, ChatImport.ContentKind.EMPTY);
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(40);
    }

    @Test
    void aTextThatMerelyStartsWithABracketIsRefusedAsText() {
        UnreadableExport e = org.junit.jupiter.api.Assertions.assertThrows(
                UnreadableExport.class,
                () -> ChatImport.parse(
                        "note.txt", "note.txt", "[Note] rien d'autre\n".getBytes(UTF_8), ImportOptions.DEFAULT));
        assertThat(e.reason()).isEqualTo(UnreadableExport.Reason.UNRECOGNISED_FORMAT);
        assertThat(e.getMessage()).doesNotContain("JSON");
    }
}
