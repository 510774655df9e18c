package org.filet.server.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.filet.server.TestImages;
import org.junit.jupiter.api.Test;

class FileTypesTest {

    final FileTypes types = new FileTypes();

    @Test
    void typeComesFromContentAndAMismatchedNameIsFlagged() throws Exception {
        FileTypes.Sniffed png = types.sniff(new ByteArrayInputStream(TestImages.png(1)), "photo.jpg");
        assertThat(png.mediaType()).isEqualTo("image/png");
        assertThat(png.declaredType()).isEqualTo("image/jpeg");
        assertThat(png.mismatch()).isTrue();
        assertThat(png.allowed()).isTrue();

        FileTypes.Sniffed jpeg = types.sniff(new ByteArrayInputStream(TestImages.jpeg(1)), "photo.jpg");
        assertThat(jpeg.mediaType()).isEqualTo("image/jpeg");
        assertThat(jpeg.mismatch()).isFalse();
    }

    @Test
    void chatExportsInTextAreAllowedWhateverTheirExtension() throws Exception {
        byte[] chat = "[20/11/2026, 21:04:00] Lucas: salut\n".getBytes(StandardCharsets.UTF_8);
        FileTypes.Sniffed txt = types.sniff(new ByteArrayInputStream(chat), "_chat.txt");
        assertThat(txt.allowed()).isTrue();
        assertThat(txt.mismatch()).isFalse();
        FileTypes.Sniffed json = types.sniff(
                new ByteArrayInputStream("{\"messages\":[]}".getBytes(StandardCharsets.UTF_8)), "message_1.json");
        assertThat(json.allowed()).isTrue();
        assertThat(json.mismatch()).isFalse();
    }

    @Test
    void executablesAndUnknownBinariesAreRefused() throws Exception {
        byte[] elf = HexFormat.of().parseHex("7f454c4602010100000000000000000002003e00");
        assertThat(types.sniff(new ByteArrayInputStream(elf), "photo.jpg").allowed())
                .isFalse();
        byte[] pe = HexFormat.of().parseHex("4d5a90000300000004000000ffff0000");
        assertThat(types.sniff(new ByteArrayInputStream(pe), "capture.png").allowed())
                .isFalse();
        assertThat(types.sniff(new ByteArrayInputStream(new byte[] {0, 1, 2, 3, (byte) 0xfe}), "x.bin")
                        .allowed())
                .isFalse();
    }
}
