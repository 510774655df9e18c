package org.filet.chatexport;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A corrupt thread in an archive fails alone; the rest of the upload is still read. */
class PartialUploadTest {
    private static byte[] upload() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(
                "messages/inbox/good_1/message_1.json",
                ("{\"participants\":[{\"name\":\"A\"}],\"messages\":"
                                + "[{\"sender_name\":\"A\",\"timestamp_ms\":1600000000000,\"content\":\"hello\"}],\"title\":\"A\"}")
                        .getBytes(UTF_8));
        entries.put("messages/inbox/broken_2/message_1.json", "{\"participants\": [".getBytes(UTF_8));
        return TestFiles.zip(entries);
    }

    @Test
    void lenientReadKeepsTheGoodThreadAndNamesTheBrokenOne() throws Exception {
        ImportResult r = ChatImport.read("dyi.zip", "dyi.zip", upload(), ImportOptions.DEFAULT);
        assertThat(r.conversations()).hasSize(1);
        assertThat(r.conversations().get(0).messages().get(0).text()).isEqualTo("hello");
        assertThat(r.complete()).isFalse();
        assertThat(r.refused()).singleElement().satisfies(e -> {
            assertThat(e.source()).isEqualTo("dyi.zip:messages/inbox/broken_2/message_1.json");
            assertThat(e.reason()).isEqualTo(UnreadableExport.Reason.MALFORMED);
        });
    }

    @Test
    void strictParseRefusesAndSaysWhatWasRead() {
        assertThatThrownBy(() -> ChatImport.parse("dyi.zip", "dyi.zip", upload(), ImportOptions.DEFAULT))
                .isInstanceOf(UnreadableExport.class)
                .hasMessageContaining("broken_2")
                .hasMessageContaining("1 conversation(s) read");
    }

    @Test
    void emptySmsBackupInMemoryIsAnEmptyResultNotAnError() throws Exception {
        byte[] xml = "<?xml version='1.0'?><smses count=\"0\"></smses>".getBytes(UTF_8);
        assertThat(ChatImport.parse("sms.xml", "sms.xml", xml, ImportOptions.DEFAULT))
                .isEmpty();
    }
}
