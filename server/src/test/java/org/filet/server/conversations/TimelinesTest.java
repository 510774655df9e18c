package org.filet.server.conversations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.filet.conversation.ChatFormat;
import org.filet.conversation.Conversation;
import org.filet.conversation.Message;
import org.filet.conversation.MessageKind;
import org.filet.conversation.Participant;
import org.junit.jupiter.api.Test;

/** Paging timelines, checked against a plain reference: flatten every message (an empty conversation as one slot). */
class TimelinesTest {

    static final ConversationLimits LIMITS = new ConversationLimits(null, null, null);

    @Test
    void pagesMatchTheFlattenedReferenceForRandomConversations() {
        Random random = new Random(14);
        for (int round = 0; round < 300; round++) {
            List<Conversation> all = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            int count = random.nextInt(8);
            for (int i = 0; i < count; i++) {
                all.add(conversation(random.nextInt(4) == 0 ? 0 : random.nextInt(30)));
                ids.add("c" + i);
            }
            int perPage = 1 + random.nextInt(12);
            List<String> reference = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                int n = all.get(i).messages().size();
                if (n == 0) {
                    reference.add("c" + i + ":empty");
                }
                for (int j = 0; j < n; j++) {
                    reference.add("c" + i + ":" + j);
                }
            }
            int pages = Math.max(1, (reference.size() + perPage - 1) / perPage);
            List<String> seen = new ArrayList<>();
            for (int page = 1; page <= pages; page++) {
                Timelines.Page p = Timelines.slice(all, ids, page, perPage, LIMITS);
                assertThat(p.pages()).isEqualTo(pages);
                assertThat(p.page()).isEqualTo(page);
                List<String> slots = slots(p);
                assertThat(slots)
                        .as("page %d of %d, %d a page", page, pages, perPage)
                        .isEqualTo(reference.subList((page - 1) * perPage, Math.min(reference.size(), page * perPage)));
                seen.addAll(slots);
            }
            assertThat(seen).as("every message once, in order").isEqualTo(reference);
        }
    }

    @Test
    void aPageOutOfRangeReadsAsTheNearestOneAndTotalsAreKept() {
        List<Conversation> all = List.of(conversation(5), conversation(0), conversation(7));
        List<String> ids = List.of("a", "b", "c");
        Timelines.Page last = Timelines.slice(all, ids, 99, 4, LIMITS);
        assertThat(last.page()).isEqualTo(4);
        assertThat(last.hasNext()).isFalse();
        assertThat(last.hasPrevious()).isTrue();
        assertThat(last.conversations()).isEqualTo(3);
        assertThat(last.messages()).isEqualTo(12);
        Timelines.Section part = last.sections().get(0);
        assertThat(part.id()).isEqualTo("c");
        assertThat(part.from()).isEqualTo(6);
        assertThat(part.messages()).extracting(Message::index).containsExactly(6);
        assertThat(part.partial()).isTrue();
        assertThat(Timelines.slice(all, ids, -3, 4, LIMITS).page()).isEqualTo(1);
        assertThat(Timelines.slice(List.of(), List.of(), 1, 4, LIMITS).sections())
                .isEmpty();
    }

    private static List<String> slots(Timelines.Page p) {
        List<String> out = new ArrayList<>();
        for (Timelines.Section s : p.sections()) {
            if (s.total() == 0) {
                out.add(s.id() + ":empty");
            }
            for (Message m : s.messages()) {
                out.add(s.id() + ":" + m.index());
            }
        }
        return out;
    }

    private static Conversation conversation(int messages) {
        List<Message> list = new ArrayList<>();
        for (int i = 0; i < messages; i++) {
            list.add(Message.builder(i, MessageKind.MESSAGE)
                    .sender("A")
                    .text("message " + i)
                    .build());
        }
        return new Conversation(
                ChatFormat.WHATSAPP, "android", null, List.of(Participant.named("A")), list, List.of(), List.of());
    }
}
