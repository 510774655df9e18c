package org.filet.chatexport;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.filet.conversation.ChatFormat;
import org.filet.conversation.Conversation;
import org.filet.conversation.Message;
import org.junit.jupiter.api.Test;

/**
 * Text a database cannot store, inside an export (issue 11.5): NUL, unpaired surrogate halves and non-characters are
 * replaced with U+FFFD in every string a parser emits, and the conversation says how many and where, once, without
 * quoting the text. One synthetic export per format family.
 */
class StorableTextTest {

    private static final String NUL = "\u0000";
    /** JSON escapes of a NUL and a lone high surrogate, as they appear in an export file. */
    private static final String JSON_BAD = "\\u0000\\ud83d";

    @Test
    void replacesEachUnstorableCharacterOnce() {
        assertThat(StorableText.clean("a\u0000b")).isEqualTo("a\uFFFDb");
        assertThat(StorableText.clean("\uD83D")).isEqualTo("\uFFFD");
        assertThat(StorableText.clean("x\uDE00y")).isEqualTo("x\uFFFDy");
        assertThat(StorableText.clean("\uDE00\uD83D")).isEqualTo("\uFFFD\uFFFD"); // reversed pair
        assertThat(StorableText.clean("\uFFFE\uFFFF\uFDD0\uFDEF")).isEqualTo("\uFFFD\uFFFD\uFFFD\uFFFD");
        assertThat(StorableText.clean(new String(Character.toChars(0x1FFFE)) + new String(Character.toChars(0x10FFFF))))
                .isEqualTo("\uFFFD\uFFFD");
        String fine = "café 😀 \uFDCF \uFDF0 \uFFFD \uD83D\uDE00 ١٨";
        assertThat(StorableText.clean(fine)).isSameAs(fine);
        assertThat(StorableText.isStorable(fine)).isTrue();
    }

    @Test
    void whatsAppTextWithNulAndCesuEncodedLoneSurrogate() throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(("01/02/2020, 10:00 - Alex: salut" + NUL + " toi\n01/02/2020, 10:01 - Sam: ").getBytes(UTF_8));
        b.writeBytes(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0xBD}); // a high surrogate half, alone
        b.writeBytes(" ok\n01/02/2020, 10:02 - Sam: ".getBytes(UTF_8));
        b.writeBytes(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0xBD, (byte) 0xED, (byte) 0xB8, (byte) 0x80}); // 😀
        b.writeBytes("\n".getBytes(UTF_8));

        Conversation c = one("chat.txt", b.toByteArray());

        assertThat(c.format()).isEqualTo(ChatFormat.WHATSAPP);
        assertThat(c.messages()).extracting(Message::text).containsExactly("salut\uFFFD toi", "\uFFFD ok", "😀");
        assertThat(finding(c)).startsWith("2 character(s)").contains("2 in message text", "message(s) 1, 2");
    }

    @Test
    void telegramJson() throws Exception {
        String json = "{\"name\":\"Chat" + JSON_BAD + "\",\"type\":\"personal_chat\",\"id\":1,\"messages\":["
                + "{\"id\":1,\"type\":\"message\",\"date\":\"2023-01-01T10:00:00\",\"date_unixtime\":\"1672567200\","
                + "\"from\":\"Al" + JSON_BAD + "ex\",\"from_id\":\"user1\",\"text\":\"bonjour" + JSON_BAD + "\"}]}";
        Conversation c = one("result.json", json.getBytes(UTF_8));

        assertThat(c.format()).isEqualTo(ChatFormat.TELEGRAM);
        assertThat(c.messages().get(0).text()).isEqualTo("bonjour\uFFFD\uFFFD");
        assertThat(c.messages().get(0).sender()).isEqualTo("Al\uFFFD\uFFFDex");
        assertThat(finding(c)).contains("2 in message text", "in sender names", "in the conversation title");
    }

    @Test
    void messengerJson() throws Exception {
        String json = "{\"participants\":[{\"name\":\"Lea" + JSON_BAD + "\"},{\"name\":\"Sam\"}],\"messages\":["
                + "{\"sender_name\":\"Lea" + JSON_BAD + "\",\"timestamp_ms\":1672567200000,\"content\":\"coucou"
                + JSON_BAD
                + "\",\"photos\":[{\"uri\":\"photos/p" + JSON_BAD + ".jpg\",\"creation_timestamp\":1}]}],"
                + "\"title\":\"Lea" + JSON_BAD + "\",\"thread_path\":\"inbox/lea_1\"}";
        Conversation c = one("message_1.json", json.getBytes(UTF_8));

        assertThat(c.format()).isEqualTo(ChatFormat.MESSENGER);
        assertThat(c.messages().get(0).text()).isEqualTo("coucou\uFFFD\uFFFD");
        assertThat(finding(c))
                .contains("in message text", "in sender names", "in the conversation title", "in attachment names");
    }

    @Test
    void discordExporterJsonAndCsv() throws Exception {
        String json = "{\"guild\":{\"id\":\"0\",\"name\":\"Direct Messages\"},\"channel\":{\"id\":\"1\",\"type\":"
                + "\"DirectTextChat\",\"name\":\"sam" + JSON_BAD
                + "\"},\"messages\":[{\"id\":\"10\",\"type\":\"Default\","
                + "\"timestamp\":\"2023-01-01T10:00:00+00:00\",\"content\":\"hey" + JSON_BAD
                + "\",\"author\":{\"id\":\"5\","
                + "\"name\":\"sam" + JSON_BAD + "\"},\"attachments\":[{\"id\":\"7\",\"url\":\"f" + JSON_BAD + ".png\","
                + "\"fileName\":\"f.png\",\"fileSizeBytes\":1}]}]}";
        Conversation c = one("dce.json", json.getBytes(UTF_8));
        assertThat(c.format()).isEqualTo(ChatFormat.DISCORD);
        assertThat(c.messages().get(0).text()).isEqualTo("hey\uFFFD\uFFFD");
        assertThat(finding(c)).contains("in message text", "in sender names");

        String csv = "AuthorID,Author,Date,Content,Attachments,Reactions\n5,sam" + NUL
                + ",2023-01-01T10:00:00+00:00,hey" + NUL + "\uFFFF,,\n";
        Conversation fromCsv = one("messages.csv", csv.getBytes(UTF_8));
        assertThat(fromCsv.messages().get(0).text()).isEqualTo("hey\uFFFD\uFFFD");
        assertThat(finding(fromCsv)).contains("2 in message text", "in sender names or ids", "message(s) 1 ");
    }

    @Test
    void snapchatJson() throws Exception {
        String json = "{\"friend\":[{\"From\":\"fr" + JSON_BAD + "iend\",\"Media Type\":\"TEXT\","
                + "\"Created\":\"2024-04-20 01:29:22 UTC\",\"Content\":\"salut" + JSON_BAD + "\","
                + "\"Conversation Title\":null,\"IsSender\":false,\"Created(microseconds)\":1713576562686,"
                + "\"IsSaved\":true,\"Media IDs\":\"\"}]}";
        Conversation c = one("chat_history.json", json.getBytes(UTF_8));

        assertThat(c.format()).isEqualTo(ChatFormat.SNAPCHAT);
        assertThat(c.messages().get(0).text()).isEqualTo("salut\uFFFD\uFFFD");
        assertThat(finding(c)).contains("in message text", "in sender names");
    }

    @Test
    void smsBackupXml() throws Exception {
        String xml = "<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n<smses count=\"2\">"
                + "<sms protocol=\"0\" address=\"+15550000001\" date=\"1512226167463\" type=\"1\" body=\"a&#0;b&#55357;c\""
                + " contact_name=\"Contact \uFDD0A\" />"
                + "<sms protocol=\"0\" address=\"+15550000001\" date=\"1512226168463\" type=\"2\" body=\"ok \uFDEF\""
                + " contact_name=\"Contact \uFDD0A\" /></smses>";
        List<Conversation> cs = ChatImport.parse("sms.xml", "sms.xml", xml.getBytes(UTF_8), ImportOptions.DEFAULT);

        assertThat(cs).hasSize(1);
        Conversation c = cs.get(0);
        Storables.assertStorable(c);
        assertThat(c.messages()).extracting(Message::text).containsExactly("a\uFFFDb\uFFFDc", "ok \uFFFD");
        assertThat(c.warnings()).anyMatch(w -> w.contains("character reference(s) to characters XML forbids"));
        assertThat(finding(c)).contains("1 in message text", "in sender names or ids", "in the conversation title");
    }

    @Test
    void aRefusedArchiveMemberNamedWithANulIsReportedStorably() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("_chat.txt", "01/02/2020, 10:00 - Alex: salut\n".getBytes(UTF_8));
        entries.put("bad\uFFFE\uFDD0.json", "{\"messages\": [".getBytes(UTF_8));
        ImportResult r = ChatImport.read("u.zip", "u.zip", TestFiles.zip(entries), ImportOptions.DEFAULT);

        assertThat(r.conversations()).hasSize(1);
        assertThat(r.refused()).singleElement().satisfies(e -> {
            Storables.assertStorable(e);
            assertThat(e.source()).isEqualTo("u.zip:bad\uFFFD\uFFFD.json");
        });
    }

    @Test
    void storedParsesAreCleanedWhenReadBack() throws Exception {
        String line = "{\"format\":\"whatsapp\",\"variant\":\"android\",\"title\":null,\"participants\":[{\"name\":\"A"
                + JSON_BAD + "\"}],\"messages\":[{\"index\":0,\"kind\":\"message\",\"sender\":\"A\",\"text\":\"x"
                + JSON_BAD
                + "\",\"attachments\":[],\"flags\":[]}],\"missing\":[],\"warnings\":[]}";
        Conversation c = ConversationJson.read(line, "stored");

        Storables.assertStorable(c);
        assertThat(finding(c)).contains("2 in message text", "2 in sender names");
        assertThat(ConversationJson.read(ConversationJson.toJson(c), "again")).isEqualTo(c);
    }

    private static Conversation one(String name, byte[] bytes) throws UnreadableExport {
        List<Conversation> cs = ChatImport.parse(name, name, bytes, ImportOptions.DEFAULT);
        assertThat(cs).hasSize(1);
        Storables.assertStorable(cs.get(0));
        return cs.get(0);
    }

    /** The single finding about replaced characters; it quotes nothing of the chat. */
    private static String finding(Conversation c) {
        List<String> f = c.warnings().stream()
                .filter(w -> w.contains("a database cannot store"))
                .toList();
        assertThat(f).hasSize(1);
        assertThat(f.get(0)).doesNotContain("salut", "bonjour", "coucou", "hey", "Alex", "Lea", "sam");
        return f.get(0);
    }
}
