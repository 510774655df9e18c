package org.filet.server.conversations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.filet.conversation.ChatFormat;
import org.filet.conversation.Conversation;
import org.filet.conversation.Message;
import org.filet.conversation.Participant;
import org.springframework.stereotype.Component;

/**
 * The conversations of a report cut into pages of {@link ConversationLimits#messagesPerPage()} messages, so that a page
 * stays small whatever the export holds. An empty conversation takes the room of one message, so that a report of many
 * empty conversations is paged too.
 */
@Component
public class Timelines {

    private final Conversations conversations;
    private final ConversationLimits limits;

    Timelines(Conversations conversations, ConversationLimits limits) {
        this.conversations = conversations;
        this.limits = limits;
    }

    /**
     * One conversation's part on a page: its id ({@code parse-sha256#n}, as triage highlights name it), what it is, and
     * messages {@code from}–{@code from + messages.size()} of its {@code total}.
     */
    public record Section(
            String id,
            String format,
            String variant,
            List<String> participants,
            List<Message> messages,
            int from,
            int total,
            List<String> missing) {

        public boolean partial() {
            return from > 0 || from + messages.size() < total;
        }
    }

    /**
     * A page of a report's timelines (1-based {@code page} of {@code pages}), the totals, the formats of all its
     * conversations ({@link ChatFormat#jsonName()}), and the limits in force.
     */
    public record Page(
            List<Section> sections,
            int page,
            int pages,
            int conversations,
            long messages,
            List<String> formats,
            ConversationLimits limits) {

        public boolean hasPrevious() {
            return page > 1;
        }

        public boolean hasNext() {
            return page < pages;
        }
    }

    /** The page {@code page} (1-based; out of range reads as the nearest page) of a report's timelines. */
    public Page page(UUID reportId, int page) {
        return page(reportId, file -> true, page, limits.messagesPerPage());
    }

    /** As {@link #page(UUID, int)}, reading only the conversations of the given files (what was approved to leave). */
    public Page page(UUID reportId, Set<String> files, int page) {
        return page(reportId, files::contains, page, limits.messagesPerPage());
    }

    /** Requires {@code perPage >= 1}. */
    Page page(UUID reportId, Predicate<String> file, int page, int perPage) {
        List<Conversation> all = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (Conversations.Parse parse : conversations.parses(reportId)) {
            if (!file.test(parse.fileSha256())) {
                continue;
            }
            List<Conversation> list;
            try {
                list = conversations.read(parse);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (int i = 0; i < list.size(); i++) {
                all.add(list.get(i));
                ids.add(parse.parseSha256() + "#" + i);
            }
        }
        return slice(all, ids, page, perPage, limits);
    }

    /**
     * Page {@code page} of {@code all} (named {@code ids}), {@code perPage} messages a page, an empty conversation
     * counting as one. Requires {@code perPage >= 1} and as many ids as conversations.
     */
    static Page slice(List<Conversation> all, List<String> ids, int page, int perPage, ConversationLimits limits) {
        long units = 0;
        long messages = 0;
        for (Conversation c : all) {
            units += Math.max(1, c.messages().size());
            messages += c.messages().size();
        }
        int pages = (int) Math.max(1, (units + perPage - 1) / perPage);
        int current = Math.min(Math.max(1, page), pages);
        long start = (long) (current - 1) * perPage;
        long end = start + perPage;
        List<Section> sections = new ArrayList<>();
        long offset = 0;
        for (int i = 0; i < all.size() && offset < end; i++) {
            Conversation c = all.get(i);
            int n = c.messages().size();
            long size = Math.max(1, n);
            if (offset + size > start) {
                int from = (int) Math.max(0, start - offset);
                int to = (int) Math.min(n, end - offset);
                sections.add(new Section(
                        ids.get(i),
                        c.format().name().toLowerCase(Locale.ROOT),
                        c.variant(),
                        c.participants().stream().map(Participant::displayName).toList(),
                        n == 0 ? List.of() : List.copyOf(c.messages().subList(from, Math.max(from, to))),
                        from,
                        n,
                        c.missing()));
            }
            offset += size;
        }
        List<String> formats =
                all.stream().map(c -> c.format().jsonName()).distinct().toList();
        return new Page(sections, current, pages, all.size(), messages, formats, limits);
    }
}
