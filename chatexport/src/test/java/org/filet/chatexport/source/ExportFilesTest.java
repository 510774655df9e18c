package org.filet.chatexport.source;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.filet.chatexport.UnreadableExport;
import org.filet.conversation.Attachment;
import org.junit.jupiter.api.Test;

class ExportFilesTest {
    private static ExportMember member(String path, String content) {
        byte[] b = content.getBytes(UTF_8);
        return new ExportMember(path, b.length, Hashing.sha256Hex(b), null);
    }

    private static final ExportFiles FILES = new ExportFiles(
            "upload.zip",
            List.of(
                    member("your_facebook_activity/messages/inbox/carol_1/photos/tiny.png", "a"),
                    member("your_facebook_activity/messages/inbox/dave_2/photos/other.png", "b"),
                    member("chat/IMG-1.jpg", "c")));

    @Test
    void findsMembersWhenTheExportMovedItsRootFolder() throws Exception {
        Attachment a = FILES.resolve("", "messages/inbox/carol_1/photos/tiny.png");
        assertThat(a.sha256()).isEqualTo(Hashing.sha256Hex("a".getBytes(UTF_8)));
        assertThat(FILES.resolve("chat/", "IMG-1.jpg").inExport()).isTrue();
        assertThat(FILES.resolve("", "IMG-1.jpg").inExport()).isTrue(); // bare names match anywhere
    }

    @Test
    void doesNotMatchASameNamedFileOfAnotherFolder() throws Exception {
        assertThat(FILES.resolve("", "messages/inbox/erin_3/photos/tiny.png").inExport())
                .isFalse();
        assertThat(FILES.resolve("", "https://cdn.example/tiny.png").inExport()).isFalse();
    }

    @Test
    void refusesReferencesThatClimbOut() {
        assertThatThrownBy(() -> FILES.resolve("chat/", "../../etc/passwd"))
                .isInstanceOf(UnreadableExport.class)
                .hasMessageStartingWith("upload.zip: path escape");
        assertThatThrownBy(() -> FILES.resolve("", "/etc/passwd")).isInstanceOf(UnreadableExport.class);
        assertThatThrownBy(() -> FILES.resolve("", "C:\\\\Windows\\\\x")).isInstanceOf(UnreadableExport.class);
    }
}
