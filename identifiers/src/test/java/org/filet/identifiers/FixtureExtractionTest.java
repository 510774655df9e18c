package org.filet.identifiers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs the extractor over every text file of the shared chat fixtures and the benchmark messages: each span is the
 * identifier's original text, spans are ordered and disjoint, and extraction is deterministic.
 */
class FixtureExtractionTest {

    private static final Path CHATS =
            Path.of(System.getProperty("filet.repo.root", "."), "..", "shared", "fixtures", "chats");

    @Test
    void spansAreTheOriginalTextOnSharedChatFixtures() throws IOException {
        assumeTrue(Files.isDirectory(CHATS), "shared chat fixtures absent at " + CHATS + ": skipped");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(CHATS)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(p -> Files.isReadable(p))
                    .toList();
        }
        int found = 0;
        for (Path file : files) {
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (CharacterCodingException e) {
                continue;
            }
            found += checkInvariants(text, file.getFileName().toString());
        }
        assertThat(found).as("identifiers found in the fixtures").isPositive();
    }

    @Test
    void spansAreTheOriginalTextOnSyntheticMessages() {
        int found = 0;
        for (String m : SyntheticMessages.of(500, 3)) {
            found += checkInvariants(m, "synthetic");
        }
        assertThat(found).isPositive();
    }

    private static int checkInvariants(String text, String name) {
        IdentifierExtractor extractor = IdentifierExtractor.standard();
        List<Found> found = extractor.extract(text, "FR");
        int previousEnd = 0;
        for (Found f : found) {
            assertThat(f.start()).as(name).isGreaterThanOrEqualTo(previousEnd);
            assertThat(f.end()).as(name).isLessThanOrEqualTo(text.length());
            assertThat(text.substring(f.start(), f.end()))
                    .as(name)
                    .isEqualTo(f.identifier().original());
            previousEnd = f.end();
        }
        assertThat(extractor.extract(text, "FR")).as(name).isEqualTo(found);
        return found.size();
    }
}
