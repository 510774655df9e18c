package org.filet.server.conversations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.filet.chatexport.ChatImport;
import org.filet.chatexport.ImportOptions;
import org.filet.chatexport.ImportResult;
import org.filet.chatexport.UnreadableExport;
import org.filet.conversation.Conversation;
import org.junit.jupiter.api.Test;

/**
 * Every note the export readers leave on the chat export module's own test inputs (its fuzz corpora and samples:
 * damaged, cut, odd exports) reads as a known finding, so none is shown as the untranslated "other" note. A reader
 * that words a note differently fails here.
 */
class ParserNotesTest {

    static final Path INPUTS = Path.of("../chatexport/src/test/resources");

    @Test
    void everyNoteOfTheReadersOnTheirTestInputsIsAKnownFinding() throws IOException {
        List<String> notes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(INPUTS)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String name = f.getFileName().toString();
                try {
                    ImportResult r = ChatImport.read(name, name, Files.readAllBytes(f), ImportOptions.DEFAULT);
                    for (Conversation c : r.conversations()) {
                        notes.addAll(c.warnings());
                        notes.addAll(c.missing());
                    }
                    r.refused().forEach(e -> notes.add(e.getMessage()));
                } catch (UnreadableExport e) {
                    notes.add(e.getMessage());
                } catch (RuntimeException e) {
                    // a reader's own failure on a fuzz input is the chat export module's concern, not the words'
                }
            }
        }
        Map<String, String> unknown = new TreeMap<>();
        Map<String, Integer> seen = new TreeMap<>();
        for (String note : notes) {
            ParserNotes.Finding f = ParserNotes.read(note);
            seen.merge(f.code(), 1, Integer::sum);
            if (f.code().equals("other") || f.code().equals("line-note")) {
                unknown.put(note, f.code());
            }
        }
        assertThat(notes).as("notes read from the inputs").hasSizeGreaterThan(20);
        assertThat(seen.size()).as("kinds of finding met: %s", seen).isGreaterThan(5);
        assertThat(unknown.keySet()).as("notes of no known shape").isEmpty();
        assertThat(ParserNotes.codes()).containsAll(seen.keySet());
    }

    /** Each finding in words, its parameters in place and its apostrophes single, in French and English. */
    @Test
    void findingsAreSaidInTheReadersLanguage() {
        org.springframework.context.support.ResourceBundleMessageSource bundles =
                new org.springframework.context.support.ResourceBundleMessageSource();
        bundles.setBasename("i18n/messages");
        bundles.setDefaultEncoding("UTF-8");
        bundles.setFallbackToSystemLocale(false);
        ParserNotes notes = new ParserNotes(bundles);
        String ambiguous =
                "ambiguous date order: 3 distinct date(s) written like 'n/n/yyyy' read as day/month (no evidence;"
                        + " day first assumed); confirm with the uploader (the phone's region setting)";
        assertThat(notes.text(ambiguous, java.util.Locale.FRENCH))
                .contains("3 date(s)")
                .contains("« n/n/yyyy »")
                .contains("jour/mois")
                .contains("l'export")
                .doesNotContain("''")
                .doesNotContain("{");
        assertThat(notes.text(ambiguous, java.util.Locale.ENGLISH))
                .contains("day/month")
                .contains("phone's")
                .doesNotContain("''");
        assertThat(notes.text("the export declares 12 message(s) but holds 10", java.util.Locale.FRENCH))
                .isEqualTo("L'export annonce 12 message(s) et en contient 10.");
        assertThat(notes.text(
                        "Messenger and Instagram share this layout; read as Messenger because the path does not say Instagram",
                        java.util.Locale.FRENCH))
                .startsWith("Messenger et Instagram")
                .doesNotContain("''");
        assertThat(notes.text("chat.zip: zip bomb: 100001 entries", java.util.Locale.FRENCH))
                .startsWith("chat.zip : archive refusée");
    }
}
