package org.filet.server.web;

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

import static org.assertj.core.api.Assertions.assertThat;

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
    }

    @Test
    void everyGroomingSignalAndUrgencyRuleHasWordsInBothLanguages() throws IOException {
        for (String bundle : new String[] {"i18n/messages.properties", "i18n/messages_en.properties"}) {
            Set<String> keys = load(bundle).stringPropertyNames();
            for (org.filet.grooming.Signal s : org.filet.grooming.Signal.values()) {
                assertThat(keys).as(bundle).contains("signal." + s.name().toLowerCase(java.util.Locale.ROOT));
            }
            for (org.filet.grooming.UrgencyReason.Rule r : org.filet.grooming.UrgencyReason.Rule.values()) {
                assertThat(keys).as(bundle).contains("triage.reason." + r.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            }
        }
    }

    @Test
    void statusWordsExistForEveryReportStatus() throws IOException {
        Set<String> keys = load("i18n/messages.properties").stringPropertyNames();
        assertThat(keys).contains("status.state.received", "status.state.in_review", "status.state.referred",
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
