package org.filet.chatexport;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.filet.chatexport.source.Hashing;
import org.filet.conversation.Attachment;
import org.filet.conversation.Conversation;
import org.filet.conversation.Message;
import org.filet.conversation.MessageKind;
import org.filet.conversation.Participant;
import org.junit.jupiter.api.Test;

/** Our own WhatsApp fixtures (src/test/resources/whatsapp), French and English, 24 h and 12 h. */
class WhatsAppOwnFixturesTest {

    private static Conversation parse(String name, ImportOptions options) throws UnreadableExport {
        List<Conversation> cs = ChatImport.parse(name, name, TestFiles.resource("whatsapp/" + name), options);
        assertThat(cs).hasSize(1);
        return cs.get(0);
    }

    @Test
    void frenchAndroid24h() throws Exception {
        Conversation c = parse("fr_android_24h.txt", ImportOptions.DEFAULT);
        assertThat(c.variant()).isEqualTo("android-fr");
        assertThat(c.messages())
                .extracting(Message::kind)
                .containsExactly(
                        MessageKind.SYSTEM,
                        MessageKind.MESSAGE,
                        MessageKind.MESSAGE,
                        MessageKind.MESSAGE,
                        MessageKind.MEDIA,
                        MessageKind.DELETED,
                        MessageKind.MESSAGE,
                        MessageKind.MESSAGE,
                        MessageKind.MESSAGE);
        Message first = c.messages().get(1);
        assertThat(first.sender()).isEqualTo("Léo");
        assertThat(first.text()).isEqualTo("Salut ! t'as quel âge ?");
        assertThat(first.at()).isEqualTo("17/12/2022 à 17:25");
        assertThat(first.local()).isEqualTo(LocalDateTime.of(2022, 12, 17, 17, 25));
        assertThat(c.messages().get(3).text()).isEqualTo("Tu fais quoi ce week-end ?\nMoi je m'ennuie un peu");
        Message photo = c.messages().get(6);
        assertThat(photo.attachments()).extracting(Attachment::path).containsExactly("IMG-20221218-WA0001.jpg");
        assertThat(photo.text()).endsWith("\nregarde ça");
        assertThat(c.messages().get(7).edited()).isTrue();
        Message last = c.messages().get(8);
        assertThat(last.sender()).isEqualTo("Léo");
        assertThat(last.text()).isEqualTo("on se parle sur une autre appli ? : c'est plus simple");
        assertThat(last.local()).isEqualTo(LocalDateTime.of(2022, 12, 18, 21, 40));
        assertThat(c.participants()).extracting(Participant::displayName).containsExactly("Léo", "Camille");
        assertThat(c.warnings()).isEmpty();
    }

    @Test
    void englishIos12hWithCrlfNarrowSpacesAndMarks() throws Exception {
        Conversation c = parse("en_ios_12h.txt", ImportOptions.DEFAULT);
        assertThat(c.variant()).isEqualTo("ios");
        assertThat(c.messages())
                .extracting(Message::kind)
                .containsExactly(
                        MessageKind.SYSTEM,
                        MessageKind.MESSAGE,
                        MessageKind.MESSAGE,
                        MessageKind.MEDIA,
                        MessageKind.MESSAGE,
                        MessageKind.MESSAGE,
                        MessageKind.DELETED);
        assertThat(c.messages().get(0).local()).isEqualTo(LocalDateTime.of(2023, 3, 14, 21, 5, 12));
        assertThat(c.messages().get(4).text()).isEqualTo("send me a pic\nof your school");
        Message attached = c.messages().get(5);
        assertThat(attached.local()).isEqualTo(LocalDateTime.of(2023, 3, 15, 0, 1, 30)); // 12 AM is midnight
        assertThat(attached.attachments())
                .extracting(Attachment::path)
                .containsExactly("00000012-PHOTO-2023-03-15-00-01-30.jpg");
        assertThat(c.messages()).allMatch(m -> m.text() == null || m.text().indexOf('\r') < 0);
        assertThat(c.warnings()).isEmpty();
    }

    @Test
    void iosZipWithMediaHashesTheAttachment() throws Exception {
        byte[] photo = "synthetic image bytes, not a real photo".getBytes(UTF_8);
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("_chat.txt", TestFiles.resource("whatsapp/en_ios_12h.txt"));
        entries.put("00000012-PHOTO-2023-03-15-00-01-30.jpg", photo);
        List<Conversation> cs =
                ChatImport.parse("upload.zip", "upload.zip", TestFiles.zip(entries), ImportOptions.DEFAULT);
        assertThat(cs).hasSize(1);
        Attachment a = cs.get(0).messages().get(5).attachments().get(0);
        assertThat(a.sha256()).isEqualTo(Hashing.sha256Hex(photo));
        assertThat(cs.get(0).missing()).noneMatch(m -> m.contains("attachment(s) named"));
    }

    @Test
    void chatNameComesFromTheExportFileName() throws Exception {
        byte[] text = TestFiles.resource("whatsapp/fr_android_24h.txt");
        assertThat(ChatImport.parse("u", "WhatsApp Chat with L\u00e9o.txt", text, ImportOptions.DEFAULT)
                        .get(0)
                        .title())
                .isEqualTo("Léo");
        assertThat(ChatImport.parse("u", "Discussion WhatsApp avec\u00A0Léo.txt", text, ImportOptions.DEFAULT)
                        .get(0)
                        .title())
                .isEqualTo("Léo");
        byte[] zip = TestFiles.zip(Map.of("_chat.txt", TestFiles.resource("whatsapp/en_ios_12h.txt")));
        assertThat(ChatImport.parse("uploads/WhatsApp Chat - Sam.zip", "x.zip", zip, ImportOptions.DEFAULT)
                        .get(0)
                        .title())
                .isEqualTo("Sam");
        assertThat(ChatImport.parse("u", "notes.txt", text, ImportOptions.DEFAULT)
                        .get(0)
                        .title())
                .isNull();
    }

    @Test
    void ambiguousDatesAreFlaggedAndCanBeForced() throws Exception {
        Conversation guessed = parse("fr_android_ambiguous_dates.txt", ImportOptions.DEFAULT);
        assertThat(guessed.warnings())
                .singleElement()
                .asString()
                .contains("ambiguous date order")
                .contains("confirm with the uploader");
        assertThat(guessed.messages().get(0).local()).isEqualTo(LocalDateTime.of(2023, 4, 3, 10, 15));
        Conversation forced = parse("fr_android_ambiguous_dates.txt", ImportOptions.DEFAULT.withDaysFirst(false));
        assertThat(forced.messages().get(0).local()).isEqualTo(LocalDateTime.of(2023, 3, 4, 10, 15));
        assertThat(forced.warnings()).singleElement().asString().contains("as given with the upload");
    }

    @Test
    void anAssumedZoneGivesInstantsAndSaysSo() throws Exception {
        Conversation c = parse("fr_android_24h.txt", ImportOptions.DEFAULT.withZone(ZoneId.of("Europe/Paris")));
        Message m = c.messages().get(1);
        assertThat(m.instant()).isEqualTo(Instant.parse("2022-12-17T16:25:00Z"));
        assertThat(m.zone()).startsWith("Europe/Paris").contains("assumed");
    }

    @Test
    void daylightSavingGapIsFlagged() throws Exception {
        byte[] text = "26/03/2023, 02:30 - Nina: bonjour\n27/03/2023, 10:00 - Tom: salut\n".getBytes(UTF_8);
        Conversation c = ChatImport.parse(
                        "dst.txt", "dst.txt", text, ImportOptions.DEFAULT.withZone(ZoneId.of("Europe/Paris")))
                .get(0);
        assertThat(c.warnings()).anyMatch(w -> w.startsWith("line 1:") && w.contains("gap"));
    }

    @Test
    void calendarsAndArabicDigits() throws Exception {
        String text = "[3/18/2565 BE, 14:56:00] A: one\n[3/19/R4, 14:57:00] B: two\n"
                + "\u200F[\u0661\u0668/\u0663/\u0662\u0660\u0662\u0662\u060C \u0662:\u0665\u0666:\u0660\u0660\u00A0\u0645] C: three\n"
                + "[14:58:01, 3/20/22] D: four\n";
        Conversation c = ChatImport.parse("cal.txt", "cal.txt", text.getBytes(UTF_8), ImportOptions.DEFAULT)
                .get(0);
        assertThat(c.messages())
                .extracting(Message::local)
                .containsExactly(
                        LocalDateTime.of(2022, 3, 18, 14, 56),
                        LocalDateTime.of(2022, 3, 19, 14, 57),
                        LocalDateTime.of(2022, 3, 18, 14, 56),
                        LocalDateTime.of(2022, 3, 20, 14, 58, 1));
    }

    @Test
    void shapesMetAfterTheFirstPassStoppedAreStillDecidedFromTheWholeFile() throws Exception {
        String text = "13/01/2020, 10:00 - A: settled at once\n"
                + "14/01/2020, 10:00 - B: same shape\n"
                + "01/13/2020, 10:00 - A: impossible in this order\n"
                + "[2/3/2021, 09:00:00] C: another shape, first seen late\n"
                + "[2/4/2021, 09:00:00] C: still ambiguous\n";
        Conversation c = ChatImport.parse("t.txt", "t.txt", text.getBytes(UTF_8), ImportOptions.DEFAULT)
                .get(0);
        assertThat(c.messages())
                .extracting(Message::local)
                .containsExactly(
                        LocalDateTime.of(2020, 1, 13, 10, 0),
                        LocalDateTime.of(2020, 1, 14, 10, 0),
                        LocalDateTime.of(2020, 1, 13, 10, 0),
                        LocalDateTime.of(2021, 2, 3, 9, 0),
                        LocalDateTime.of(2021, 2, 4, 9, 0)); // second number changes more
        assertThat(c.warnings())
                .anyMatch(w -> w.startsWith("line 3:") && w.contains("swapped"))
                .anyMatch(w -> w.contains("ambiguous date order") && w.contains("n/n/yyyy") && w.contains("month/day"));
    }

    @Test
    void aMessageMentioningEncryptionKeepsItsAuthor() throws Exception {
        String text = "01/02/2020, 10:00 - Alex: is this end-to-end encrypted: really?\n"
                + "01/02/2020, 10:01 - You changed the subject from \"a\" to \"b: c\"\n";
        Conversation c = ChatImport.parse("t.txt", "t.txt", text.getBytes(UTF_8), ImportOptions.DEFAULT)
                .get(0);
        assertThat(c.messages().get(0).kind()).isEqualTo(MessageKind.MESSAGE);
        assertThat(c.messages().get(0).sender()).isEqualTo("Alex");
        assertThat(c.messages().get(1).kind()).isEqualTo(MessageKind.SYSTEM);
    }

    @Test
    void textThatMerelyStartsWithADateStaysInItsMessage() throws Exception {
        String text = "01/02/2020, 10:00 - A: first line\n2016-04-29 10:30:00\n12:30 see you\n";
        Conversation c = ChatImport.parse("t.txt", "t.txt", text.getBytes(UTF_8), ImportOptions.DEFAULT)
                .get(0);
        assertThat(c.messages()).hasSize(1);
        assertThat(c.messages().get(0).text()).isEqualTo("first line\n2016-04-29 10:30:00\n12:30 see you");
    }
}
