package org.filet.chatexport.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.filet.chatexport.ConversationJson;
import org.filet.conversation.Conversation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportCommandTest {

    private record Run(int code, String out, String err) {}

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ImportCommand.mainWithoutExit(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void printsJsonLinesAndReportsBadFilesWithoutStopping(@TempDir Path dir) throws Exception {
        Path good = dir.resolve("chat.txt");
        Files.writeString(good, "17/12/2022 à 17:25 - Léo: salut\n18/12/2022 à 09:00 - Camille: bonjour\n", UTF_8);
        Path bad = dir.resolve("broken.json");
        Files.writeString(bad, "{\"messages\": [ SECRET", UTF_8);
        Path good2 = dir.resolve("other.txt");
        Files.writeString(good2, "[3/14/23, 9:05:40 PM] Sam: hey\n", UTF_8);
        Run r = run(good.toString(), bad.toString(), good2.toString());
        assertThat(r.code()).isEqualTo(ImportCommand.SOME_UNREADABLE);
        List<Conversation> cs = ConversationJson.readAll(new StringReader(r.out()));
        assertThat(cs).hasSize(2);
        assertThat(cs.get(0).messages()).hasSize(2);
        assertThat(cs.get(1).messages().get(0).sender()).isEqualTo("Sam");
        assertThat(r.err()).contains("broken.json").contains("malformed").doesNotContain("SECRET");
    }

    @Test
    void allGoodExitsZeroAndZoneIsApplied(@TempDir Path dir) throws Exception {
        Path good = dir.resolve("chat.txt");
        Files.writeString(good, "17/12/2022, 17:25 - Léo: salut\n", UTF_8);
        Run r = run("--zone", "Europe/Paris", good.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("\"instant\":\"2022-12-17T16:25:00Z\"");
        assertThat(run("--zone", "Mars/Olympus", good.toString()).code()).isEqualTo(ImportCommand.USAGE);
    }

    @Test
    void missingFileIsReportedByName(@TempDir Path dir) {
        Run r = run(dir.resolve("absent.txt").toString());
        assertThat(r.code()).isEqualTo(ImportCommand.SOME_UNREADABLE);
        assertThat(r.err()).contains("absent.txt");
    }
}
