package org.filet.grooming.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandsTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int score(String... args) {
        return ScoreCommand.mainWithoutExit(new PrintWriter(out), new PrintWriter(err), args);
    }

    private int eval(String... args) {
        return EvalTriageCommand.mainWithoutExit(new PrintWriter(out), new PrintWriter(err), args);
    }

    @Test
    void scorePrintsOneJsonObjectPerConversationWithEvidence(@TempDir Path dir) throws Exception {
        Path text = dir.resolve("chat.txt");
        Files.writeString(text, "hi\nhow old r u?\nwe should meet up\ntomorrow at the park\n", StandardCharsets.UTF_8);
        Path jsonl = dir.resolve("chats.jsonl");
        // messages 0-2 carry no text (media, a call): skipped, and the picture request keeps its index 3
        Files.writeString(
                jsonl,
                "{\"format\":\"sms\",\"messages\":[{\"index\":0,\"sender\":\"a\",\"text\":null},"
                        + "{\"index\":1,\"sender\":\"b\"},{\"index\":2,\"sender\":\"a\",\"text\":\" \"},"
                        + "{\"index\":3,\"sender\":\"a\",\"text\":\"send me a pic\"}]}\n"
                        + "{\"format\":\"sms\",\"messages\":[{\"index\":0,\"sender\":\"b\",\"text\":\"hello\"}]}\n");
        assertThat(score(text.toString(), jsonl.toString())).isZero();
        List<String> lines = out.toString().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0))
                .startsWith("{\"conversation\":\"chat.txt\",\"score\":")
                .contains(
                        "\"level\":\"URGENT\"",
                        "\"firstAlertIndex\":3",
                        "{\"signal\":\"AGE_ASKED\",\"stage\":\"FRIENDSHIP\",\"sevenP\":\"\",\"chatCoder\":\"personal information\",\"evidence\":[{\"index\":1,\"text\":\"how old r u?\"}]}",
                        "\"rule\":\"MEETING_WITH_TIME_OR_PLACE\"",
                        "\"messageIndexes\":[2,3]");
        assertThat(lines.get(1))
                .contains("\"conversation\":\"chats.jsonl#1\"", "\"signal\":\"PHOTO_REQUEST\"", "\"index\":3");
        assertThat(lines.get(2)).contains("\"signals\":[]", "\"urgency\":[]", "\"firstAlertIndex\":null");
    }

    @Test
    void scoreCanLeaveTextsOut(@TempDir Path dir) throws Exception {
        Path text = dir.resolve("chat.txt");
        Files.writeString(text, "how old r u?\n", StandardCharsets.UTF_8);
        assertThat(score("--no-texts", text.toString())).isZero();
        assertThat(out.toString()).contains("\"AGE_ASKED\"").doesNotContain("how old");
    }

    @Test
    void scoreReportsUsageAndUnreadableFiles(@TempDir Path dir) throws Exception {
        assertThat(score("--lang", "xx", "a.txt")).isEqualTo(2);
        Path bad = dir.resolve("bad.jsonl");
        Files.writeString(bad, "{\"messages\":[{\"index\":0,\"text\":\"private words\"", StandardCharsets.UTF_8);
        assertThat(score(bad.toString(), dir.resolve("missing.txt").toString())).isEqualTo(1);
        assertThat(err.toString()).contains("bad.jsonl", "missing.txt").doesNotContain("private");
    }

    @Test
    void evalPrintsTheNineFiguresOnALabelledCsv(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("set.csv");
        Files.writeString(
                csv,
                "segment,label\n\"hello, how was school\",0\ndid you do the homework,0\n"
                        + "\"don't tell your parents, send me a pic\",1\n",
                StandardCharsets.UTF_8);
        assertThat(eval(csv.toString(), "--lang", "en")).isZero();
        List<String> names = out.toString().lines().map(l -> l.split(" ")[0]).toList();
        assertThat(names).containsExactly("precision", "recall", "f0.5", "f1", "fpr", "tp", "fp", "tn", "fn");
        long counted = out.toString()
                .lines()
                .skip(5)
                .mapToLong(l -> Long.parseLong(l.split(" ")[1]))
                .sum();
        assertThat(counted).isEqualTo(3);
    }

    @Test
    void evalReadsPan12XmlWithItsPredatorList(@TempDir Path dir) throws Exception {
        Files.writeString(
                dir.resolve("corpus.xml"),
                "<conversations>"
                        + "<conversation id=\"c1\"><message line=\"1\"><author>aaa</author><time>10:00</time><text>hi</text></message></conversation>"
                        + "<conversation id=\"c2\"><message line=\"1\"><author>bbb</author><time>10:00</time><text>hello</text></message></conversation>"
                        + "</conversations>",
                StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("corpus-predators.txt"), "bbb\n", StandardCharsets.UTF_8);
        assertThat(eval(dir.resolve("corpus.xml").toString())).isZero();
        String[] lines = out.toString().split("\\R");
        long positives = Arrays.stream(lines)
                .filter(l -> l.startsWith("tp ") || l.startsWith("fn "))
                .mapToLong(l -> Long.parseLong(l.split(" ")[1]))
                .sum();
        assertThat(positives).isEqualTo(1);
    }

    @Test
    void evalRejectsUnlabelledJson(@TempDir Path dir) throws Exception {
        Path jsonl = dir.resolve("x.jsonl");
        Files.writeString(jsonl, "{\"messages\":[{\"index\":0,\"text\":\"hello\"}]}\n", StandardCharsets.UTF_8);
        assertThat(eval(jsonl.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("no label");
    }
}
