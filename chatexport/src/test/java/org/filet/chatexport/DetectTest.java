package org.filet.chatexport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.filet.conversation.ChatFormat;
import org.junit.jupiter.api.Test;

/** Formats are recognised from content, whatever the file is called. */
class DetectTest {
    @Test
    void formatsComeFromContentNotNames() throws Exception {
        assertThat(ChatImport.detect(Fixtures.file("whatsapp/w2sqlite_android_de_1to1.txt")))
                .containsExactly(ChatFormat.WHATSAPP);
        assertThat(ChatImport.detect(Fixtures.file("signal/chatminer_signal_export_markdown.txt")))
                .containsExactly(ChatFormat.SIGNAL);
        assertThat(ChatImport.detect(Fixtures.file("telegram/chatminer_tg_single_minimal.json")))
                .containsExactly(ChatFormat.TELEGRAM);
        assertThat(ChatImport.detect(Fixtures.file("discord/chatpack_dce.csv"))).containsExactly(ChatFormat.DISCORD);
        assertThat(ChatImport.detect(Fixtures.file("sms_backup_restore/shruggie_mixed.xml")))
                .containsExactly(ChatFormat.SMS);
        assertThat(ChatImport.detect(Fixtures.file("snapchat/SYNTHETIC_chat_history_2023plus.json")))
                .containsExactly(ChatFormat.SNAPCHAT);
        byte[] renamed = TestFiles.resource("whatsapp/en_ios_12h.txt");
        assertThat(ChatImport.detect("x", "photo.jpg", renamed)).containsExactly(ChatFormat.WHATSAPP);
    }

    @Test
    void anArchiveCanHoldSeveralFormats() throws Exception {
        byte[] zip = TestFiles.zip(Map.of(
                "whatsapp/_chat.txt", TestFiles.resource("whatsapp/fr_android_24h.txt"),
                "telegram/result.json",
                        "{\"name\":\"C\",\"type\":\"personal_chat\",\"id\":1,\"messages\":[]}"
                                .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(ChatImport.detect("u.zip", "u.zip", zip))
                .containsExactlyInAnyOrder(ChatFormat.WHATSAPP, ChatFormat.TELEGRAM);
    }
}
