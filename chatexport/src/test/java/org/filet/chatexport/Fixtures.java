package org.filet.chatexport;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.filet.conversation.Conversation;
import org.filet.conversation.Message;

/** Locates the shared chat fixtures ({@code ../shared/fixtures/chats} beside the repository). */
final class Fixtures {
    private Fixtures() {}

    static Path chats() {
        Path p = Path.of(System.getProperty("filet.repo.root", "."), "..", "shared", "fixtures", "chats")
                .normalize();
        assumeTrue(Files.isDirectory(p), "shared chat fixtures absent at " + p + "; fixture tests skipped");
        return p;
    }

    static Path file(String relative) {
        Path p = chats().resolve(relative);
        assumeTrue(Files.exists(p), "fixture " + relative + " absent; test skipped");
        return p;
    }

    static List<Conversation> parse(String relative) throws UnreadableExport {
        return ChatImport.parse(file(relative));
    }

    static Conversation one(String relative) throws UnreadableExport {
        List<Conversation> cs = parse(relative);
        if (cs.size() != 1) {
            throw new AssertionError(relative + ": expected one conversation, got " + cs.size());
        }
        return cs.get(0);
    }

    static Message first(Conversation c) {
        return c.messages().get(0);
    }

    static Message last(Conversation c) {
        return c.messages().get(c.messages().size() - 1);
    }
}
