package org.filet.server.conversations;

import org.filet.chatexport.ImportLimits;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Bounds on the work one report can cause ({@code filet.conversations.*}). What is over a bound is counted and said on
 * the report page and in the parse's findings, never dropped silently; the original file stays intact as evidence.
 *
 * @param maxArchiveEntries entries of one archive that are read; the others are counted
 * @param maxConversations  conversations kept from one report (all its files together); the others are counted
 * @param messagesPerPage   messages of a timeline shown on one page (an empty conversation counts as one)
 */
@ConfigurationProperties(prefix = "filet.conversations")
public record ConversationLimits(Integer maxArchiveEntries, Integer maxConversations, Integer messagesPerPage) {

    public ConversationLimits {
        maxArchiveEntries = positive("max-archive-entries", maxArchiveEntries, 10_000);
        maxConversations = positive("max-conversations", maxConversations, 1_000);
        messagesPerPage = positive("messages-per-page", messagesPerPage, 200);
    }

    private static int positive(String name, Integer value, int fallback) {
        if (value == null) {
            return fallback;
        }
        if (value < 1) {
            throw new IllegalArgumentException("filet.conversations." + name + " must be at least 1, not " + value);
        }
        return value;
    }

    ImportLimits importLimits() {
        return ImportLimits.DEFAULT.withMaxEntries(maxArchiveEntries);
    }
}
