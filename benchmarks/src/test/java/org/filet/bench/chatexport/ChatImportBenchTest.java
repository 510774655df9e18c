package org.filet.bench.chatexport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.filet.chatexport.ChatImport;
import org.filet.conversation.Conversation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The import benchmarks read every entry of their synthetic exports. */
class ChatImportBenchTest {

    private static final Pattern HEADER = Pattern.compile("(?m)^\\d\\d/\\d\\d/\\d{4}, \\d\\d:\\d\\d - ");

    @Test
    void whatsAppBenchmarkParsesOneMessagePerHeaderLine() throws Exception {
        WhatsAppImportBenchmark b = new WhatsAppImportBenchmark();
        b.megabytes = 1;
        b.setUp();
        String text = new String(ChatImportBench.syntheticWhatsApp(1 << 20, 1), StandardCharsets.UTF_8);
        long headers = HEADER.matcher(text).results().count();

        assertThat(b.parse().messages()).hasSize((int) headers);
        assertThat(b.decodeAndSplit())
                .isEqualTo(text.chars().filter(c -> c == '\n').count());
        assertThat(headers).isGreaterThan(10_000);
    }

    @Test
    void smsBackupHasAsManyMessagesAsRecordsWritten(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sms.xml");
        long records = ChatImportBench.writeSmsBackup(file, 2 << 20, 3);
        int messages = 0;
        for (Conversation c : ChatImport.parse(file)) {
            messages += c.messages().size();
        }
        assertThat(messages).isEqualTo(records);
        assertThat(Files.size(file)).isGreaterThan(2 << 20);
    }

    @Test
    void figuresArePrintedOnePerLine() {
        System.setProperty("filet.bench.whatsappMb", "1");
        System.setProperty("filet.bench.smsMb", "1");
        System.setProperty("filet.bench.child", "true");
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ChatImportBench.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
            assertThat(bytes.toString(StandardCharsets.UTF_8).lines().toList())
                    .allMatch(l -> l.matches("import\\.[a-z_0-9]+ [\\d.]+ [A-Za-z/]+"))
                    .anyMatch(l -> l.startsWith("import.whatsapp_mb_per_s "))
                    .anyMatch(l -> l.startsWith("import.sms_heap_mb "));
        } finally {
            System.clearProperty("filet.bench.whatsappMb");
            System.clearProperty("filet.bench.smsMb");
            System.clearProperty("filet.bench.child");
        }
    }
}
