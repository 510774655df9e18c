package org.filet.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** French and English bundles have the same keys, and every key a template or the emergency table uses exists. */
class I18nBundlesTest {

    static final Path RESOURCES = Path.of("src/main/resources");

    @Test
    void frenchAndEnglishHaveTheSameKeys() throws IOException {
        Set<String> fr = load("i18n/messages.properties").stringPropertyNames();
        Set<String> en = load("i18n/messages_en.properties").stringPropertyNames();
        assertThat(new TreeSet<>(en)).isEqualTo(new TreeSet<>(fr));
        assertThat(fr).hasSizeGreaterThan(100);
    }

    @Test
    void everyKeyUsedInTemplatesAndTablesExists() throws IOException {
        Set<String> keys = load("i18n/messages.properties").stringPropertyNames();
        Set<String> used = new TreeSet<>();
        Pattern literal = Pattern.compile("#\\{([a-z][a-zA-Z0-9_.]+)}");
        try (Stream<Path> templates = Files.walk(RESOURCES.resolve("templates"))) {
            for (Path t : templates.filter(p -> p.toString().endsWith(".html")).toList()) {
                Matcher m = literal.matcher(Files.readString(t));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        for (String line : Files.readAllLines(RESOURCES.resolve("emergency-numbers.tsv"))) {
            if (!line.startsWith("#") && !line.isBlank()) {
                used.add(line.split("\t")[2]);
            }
        }
        assertThat(used).hasSizeGreaterThan(50);
        assertThat(keys).containsAll(used);
        assertThat(load("i18n/messages_en.properties").stringPropertyNames())
                .as("English")
                .containsAll(used);
    }

    /** Codes the pages turn into words through a key per value: every value has its words in both languages. */
    @Test
    void everyCodeShownOnAPageHasWordsInBothLanguages() throws IOException {
        Set<String> needed = new TreeSet<>();
        for (org.filet.verify.custody.CustodyAction a : org.filet.verify.custody.CustodyAction.values()) {
            needed.add("custody.action." + a.wireName());
        }
        for (org.filet.identifiers.Platform p : org.filet.identifiers.Platform.values()) {
            needed.add("platform." + p.code());
        }
        for (org.filet.identifiers.IdentifierKind k : org.filet.identifiers.IdentifierKind.values()) {
            needed.add("link.kind." + k.name());
        }
        for (org.filet.conversation.ChatFormat f : org.filet.conversation.ChatFormat.values()) {
            needed.add("conv.format." + f.name().toLowerCase(java.util.Locale.ROOT));
        }
        for (org.filet.conversation.MessageKind k : org.filet.conversation.MessageKind.values()) {
            needed.add("conv.kind." + k.jsonName());
        }
        for (org.filet.chatexport.UnreadableExport.Reason r : org.filet.chatexport.UnreadableExport.Reason.values()) {
            needed.add("conv.note.refused." + r.name().toLowerCase(java.util.Locale.ROOT));
        }
        for (String code : org.filet.server.conversations.ParserNotes.codes()) {
            needed.add("conv.note." + code);
        }
        for (org.filet.server.people.Role r : org.filet.server.people.Role.values()) {
            needed.add("role." + r.dbValue());
        }
        for (String c : new String[] {"form", "api"}) {
            needed.add("report.channel." + c);
        }
        for (String r : new String[] {"parent", "young_person", "other"}) {
            needed.add("report.role." + r);
        }
        for (String bundle : new String[] {"i18n/messages.properties", "i18n/messages_en.properties"}) {
            assertThat(load(bundle).stringPropertyNames()).as(bundle).containsAll(needed);
        }
    }

    /** A finding of the export readers is read from its sentence into its code and parameters. */
    @Test
    void readerNotesAreReadIntoTheirFindings() {
        assertThat(
                        org.filet.server.conversations.ParserNotes.read(
                                "ambiguous date order: 1 distinct date(s) written like "
                                        + "'n/n/yyyy' read as day/month (no evidence; day first assumed); confirm with the uploader (the phone's region setting)"))
                .isEqualTo(new org.filet.server.conversations.ParserNotes.Finding(
                        "date-order-default", java.util.List.of("1", "n/n/yyyy", "day/month")));
        assertThat(org.filet.server.conversations.ParserNotes.read(
                        "line 12: date valid only with day and month swapped; read swapped"))
                .isEqualTo(new org.filet.server.conversations.ParserNotes.Finding(
                        "date-swapped", java.util.List.of("12")));
        assertThat(org.filet.server.conversations.ParserNotes.read("chat.zip: zip bomb: 100001 entries"))
                .isEqualTo(new org.filet.server.conversations.ParserNotes.Finding(
                        "refused.zip_bomb", java.util.List.of("chat.zip")));
        assertThat(org.filet.server.conversations.ParserNotes.read("something new")
                        .code())
                .isEqualTo("other");
    }

    @Test
    void everyGroomingSignalAndUrgencyRuleHasWordsInBothLanguages() throws IOException {
        for (String bundle : new String[] {"i18n/messages.properties", "i18n/messages_en.properties"}) {
            Set<String> keys = load(bundle).stringPropertyNames();
            for (org.filet.grooming.Signal s : org.filet.grooming.Signal.values()) {
                assertThat(keys).as(bundle).contains("signal." + s.name().toLowerCase(java.util.Locale.ROOT));
            }
            for (org.filet.grooming.UrgencyReason.Rule r : org.filet.grooming.UrgencyReason.Rule.values()) {
                assertThat(keys)
                        .as(bundle)
                        .contains("triage.reason."
                                + r.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            }
        }
    }

    @Test
    void statusWordsExistForEveryReportStatus() throws IOException {
        Set<String> keys = load("i18n/messages.properties").stringPropertyNames();
        assertThat(keys)
                .contains(
                        "status.state.received",
                        "status.state.in_review",
                        "status.state.referred",
                        "status.state.closed");
    }

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(RESOURCES.resolve(name))) {
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
