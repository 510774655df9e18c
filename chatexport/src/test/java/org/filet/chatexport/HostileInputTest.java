package org.filet.chatexport;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.assertj.core.api.AbstractThrowableAssert;
import org.filet.chatexport.UnreadableExport.Reason;
import org.filet.conversation.Conversation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** Hostile uploads, generated in the test: each is refused with a named reason and the file's name. */
class HostileInputTest {
    private static final byte[] CHAT = "01/02/2020, 10:00 - A: hello\n".getBytes(UTF_8);

    private static AbstractThrowableAssert<?, ? extends Throwable> refused(
            Executable call, Reason reason, String source) {
        UnreadableExport e =
                (UnreadableExport) org.junit.jupiter.api.Assertions.assertThrows(UnreadableExport.class, call);
        assertThat(e.reason()).isEqualTo(reason);
        return assertThat((Throwable) e).hasMessageStartingWith(source);
    }

    private static List<Conversation> parse(String name, byte[] bytes, ImportOptions options) throws Exception {
        return ChatImport.parse(name, name, bytes, options);
    }

    @Test
    void zipSlipIsRefused() {
        byte[] zip = TestFiles.zip(Map.of("../../evil.txt", CHAT));
        refused(() -> parse("slip.zip", zip, ImportOptions.DEFAULT), Reason.ZIP_SLIP, "slip.zip")
                .hasMessageContaining("'..'");
        byte[] abs = TestFiles.zip(Map.of("/etc/evil.txt", CHAT));
        refused(() -> parse("abs.zip", abs, ImportOptions.DEFAULT), Reason.ZIP_SLIP, "abs.zip");
    }

    @Test
    void symlinkEntryIsRefused() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipArchiveOutputStream z = new ZipArchiveOutputStream(out)) {
            ZipArchiveEntry link = new ZipArchiveEntry("_chat.txt");
            link.setUnixMode(0120777);
            z.putArchiveEntry(link);
            z.write("/etc/passwd".getBytes(UTF_8));
            z.closeArchiveEntry();
        }
        refused(() -> parse("link.zip", out.toByteArray(), ImportOptions.DEFAULT), Reason.SYMLINK, "link.zip");
    }

    @Test
    void highlyCompressedEntryIsAZipBomb() {
        byte[] zeros = new byte[24 << 20];
        byte[] zip = TestFiles.zip(Map.of("_chat.txt", CHAT, "pad.bin", zeros));
        assertThat(zip.length).isLessThan(200_000);
        refused(() -> parse("bomb.zip", zip, ImportOptions.DEFAULT), Reason.ZIP_BOMB, "bomb.zip")
                .hasMessageContaining("compression ratio");
    }

    @Test
    void tooManyEntriesAndTooMuchInTotalAreRefused() {
        Map<String, byte[]> many = new LinkedHashMap<>();
        for (int i = 0; i < 11; i++) {
            many.put("f" + i + ".bin", new byte[] {1});
        }
        ImportOptions tenEntries = ImportOptions.DEFAULT.withLimits(ImportLimits.DEFAULT.withMaxEntries(10));
        refused(() -> parse("many.zip", TestFiles.zip(many), tenEntries), Reason.ZIP_BOMB, "many.zip")
                .hasMessageContaining("more than 10 entries");
        ImportOptions small = ImportOptions.DEFAULT.withLimits(ImportLimits.DEFAULT.withMaxTotalUncompressed(1000));
        byte[] big = TestFiles.zip(Map.of("_chat.txt", CHAT, "a.bin", new byte[600], "b.bin", new byte[600]));
        refused(() -> parse("total.zip", big, small), Reason.ZIP_BOMB, "total.zip");
    }

    @Test
    void entriesBeyondTheLimitAreCountedAndSaidWhileTheFirstOnesAreRead() throws Exception {
        Map<String, byte[]> many = new LinkedHashMap<>();
        many.put("_chat.txt", CHAT);
        for (int i = 0; i < 14; i++) {
            many.put("f" + i + ".bin", new byte[] {1});
        }
        ImportOptions tenEntries = ImportOptions.DEFAULT.withLimits(ImportLimits.DEFAULT.withMaxEntries(10));
        ImportResult r = ChatImport.read("many.zip", "many.zip", TestFiles.zip(many), tenEntries);
        assertThat(r.conversations()).hasSize(1);
        assertThat(r.unreadEntries()).isEqualTo(5);
        assertThat(r.refused()).singleElement().satisfies(e -> {
            assertThat(e.reason()).isEqualTo(Reason.ZIP_BOMB);
            assertThat(e.detail())
                    .contains("holds 15 entries")
                    .contains("first 10")
                    .contains("other 5");
        });
    }

    @Test
    void notAZipDespiteTheMagicIsMalformed() {
        byte[] fake = "PK\u0003\u0004 this is not really an archive".getBytes(UTF_8);
        refused(() -> parse("fake.zip", fake, ImportOptions.DEFAULT), Reason.MALFORMED, "fake.zip");
    }

    @Test
    void symlinkInAFolderIsRefused(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("chat.txt"), CHAT);
        try {
            Files.createSymbolicLink(dir.resolve("link.jpg"), Path.of("/etc/hostname"));
        } catch (UnsupportedOperationException | java.io.IOException e) {
            org.junit.jupiter.api.Assumptions.abort("symbolic links not supported here");
        }
        refused(() -> ChatImport.parse(dir), Reason.SYMLINK, dir.toString());
    }

    @Test
    void attachmentPathEscapingTheExportIsRefused() {
        String thread = "{\"participants\":[{\"name\":\"A\"}],\"messages\":[{\"sender_name\":\"A\","
                + "\"timestamp_ms\":1600000000000,\"photos\":[{\"uri\":\"../../../etc/passwd\"}]}],\"title\":\"A\"}";
        byte[] zip = TestFiles.zip(Map.of("messages/inbox/a_1/message_1.json", thread.getBytes(UTF_8)));
        refused(() -> parse("escape.zip", zip, ImportOptions.DEFAULT), Reason.PATH_ESCAPE, "escape.zip")
                .hasMessageContaining("message_1.json");
    }

    @Test
    void deeplyNestedJsonIsRefused() {
        byte[] deep = ("{\"messages\":" + "[".repeat(5000) + "]".repeat(5000) + "}").getBytes(UTF_8);
        refused(() -> parse("deep.json", deep, ImportOptions.DEFAULT), Reason.TOO_DEEP, "deep.json");
    }

    @Test
    void enormousJsonStringIsRefused() {
        ImportLimits limits = new ImportLimits(1 << 20, 100, 1 << 20, 100, 1000, 64, 10_000);
        byte[] json = ("{\"messages\":[{\"senderName\":\"A\",\"text\":\"" + "x".repeat(20_000)
                        + "\",\"timestamp\":1}],\"threadName\":\"t\"}")
                .getBytes(UTF_8);
        refused(() -> parse("big.json", json, ImportOptions.DEFAULT.withLimits(limits)), Reason.TOO_LARGE, "big.json");
    }

    @Test
    void invalidUtf8IsRefusedWithItsOffset() {
        byte[] bad = "01/02/2020, 10:00 - A: caf\u00e9\n".getBytes(UTF_8);
        bad[bad.length - 2] = (byte) 0x28; // breaks the two-byte sequence of é
        refused(() -> parse("bad.txt", bad, ImportOptions.DEFAULT), Reason.INVALID_ENCODING, "bad.txt")
                .hasMessageContaining("byte offset 26");
        byte[] json = "{\"messages\":[{\"senderName\":\"\u00e9\"}]}".getBytes(UTF_8);
        json[28] = (byte) 0xFF;
        refused(() -> parse("bad.json", json, ImportOptions.DEFAULT), Reason.INVALID_ENCODING, "bad.json");
        byte[] xml = "<smses count=\"1\"><sms address=\"1\" date=\"1\" type=\"1\" body=\"caf\u00e9\"/></smses>"
                .getBytes(UTF_8);
        xml[xml.length - 14] = (byte) 0xFF;
        refused(() -> parse("bad.xml", xml, ImportOptions.DEFAULT), Reason.INVALID_ENCODING, "bad.xml");
    }

    @Test
    void xmlEntityExpansionAndExternalEntitiesAreRefused() {
        String bomb = "<?xml version=\"1.0\"?><!DOCTYPE smses [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]>"
                + "<smses count=\"1\"><sms address=\"1\" date=\"1\" type=\"1\" body=\"&b;\"/></smses>";
        refused(() -> parse("bomb.xml", bomb.getBytes(UTF_8), ImportOptions.DEFAULT), Reason.DTD_FORBIDDEN, "bomb.xml");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE smses [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<smses count=\"1\"><sms address=\"1\" date=\"1\" type=\"1\" body=\"&x;\"/></smses>";
        refused(() -> parse("xxe.xml", xxe.getBytes(UTF_8), ImportOptions.DEFAULT), Reason.DTD_FORBIDDEN, "xxe.xml");
    }

    @Test
    void megabyteLineIsRefusedByName() {
        byte[] line = ("01/02/2020, 10:00 - A: " + "a".repeat(5 << 20) + "\n").getBytes(UTF_8);
        refused(() -> parse("long.txt", line, ImportOptions.DEFAULT), Reason.LINE_TOO_LONG, "long.txt")
                .hasMessageContaining("line 1");
    }

    @Test
    void splitSurrogateReferencesAndForbiddenCharactersAreRepaired() throws Exception {
        String xml = "<smses count=\"1\"><sms address=\"+15550001\" date=\"1600000000000\" type=\"1\""
                + " body=\"ok &#55357;&#56832; &#1; &#xD83D;\"/></smses>";
        Conversation c =
                parse("emoji.xml", xml.getBytes(UTF_8), ImportOptions.DEFAULT).get(0);
        assertThat(c.messages().get(0).text()).isEqualTo("ok \uD83D\uDE00 \uFFFD \uFFFD");
        assertThat(c.warnings())
                .anyMatch(w -> w.startsWith("1 split surrogate"))
                .anyMatch(w -> w.startsWith("2 character reference(s)"));
    }

    @Test
    void errorMessagesNeverCarryChatText() {
        byte[] json = "{\"messages\":[{\"senderName\":\"SECRET-NAME\",\"text\":\"SECRET-TEXT\"".getBytes(UTF_8);
        UnreadableExport e = org.junit.jupiter.api.Assertions.assertThrows(
                UnreadableExport.class, () -> parse("t.json", json, ImportOptions.DEFAULT));
        assertThat(e.getMessage()).doesNotContain("SECRET");
        byte[] xml = "<smses><sms body=\"SECRET-TEXT\" <broken".getBytes(UTF_8);
        UnreadableExport x = org.junit.jupiter.api.Assertions.assertThrows(
                UnreadableExport.class, () -> parse("t.xml", xml, ImportOptions.DEFAULT));
        assertThat(x.getMessage()).doesNotContain("SECRET");
    }
}
