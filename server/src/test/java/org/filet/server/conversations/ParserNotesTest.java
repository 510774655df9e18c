package org.filet.server.conversations;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.filet.chatexport.ChatImport;
import org.filet.chatexport.Conversation;
import org.filet.chatexport.ImportOptions;
import org.filet.chatexport.ImportResult;
import org.filet.chatexport.UnreadableExport;

import static org.assertj.core.api.Assertions.assertThat;

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
            if (f.code().equals("other")) {
                unknown.put(note, f.code());
            }
        }
        assertThat(notes).as("notes read from the inputs").hasSizeGreaterThan(20);
        assertThat(seen.size()).as("kinds of finding met: %s", seen).isGreaterThan(5);
        assertThat(unknown.keySet()).as("notes of no known shape").isEmpty();
        assertThat(ParserNotes.codes()).containsAll(seen.keySet());
    }
}
