package org.filet.chatexport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.filet.conversation.Attachment;
import org.filet.conversation.Conversation;
import org.filet.conversation.Message;
import org.filet.conversation.Participant;
import org.jspecify.annotations.Nullable;

/** Checks that every string a parse emits can be stored in PostgreSQL ({@link StorableText}). */
public final class Storables {
    private Storables() {}

    /** Every string of the conversation: title, variant, participants, messages, attachments, notes. */
    public static List<String> strings(Conversation c) {
        List<String> out = new ArrayList<>();
        add(out, c.title());
        add(out, c.variant());
        for (Participant p : c.participants()) {
            add(out, p.displayName());
            add(out, p.stableId());
            add(out, p.phone());
        }
        for (Message m : c.messages()) {
            add(out, m.sender());
            add(out, m.senderId());
            add(out, m.text());
            add(out, m.at());
            add(out, m.zone());
            add(out, m.position());
            for (Attachment a : m.attachments()) {
                add(out, a.path());
            }
        }
        out.addAll(c.missing());
        out.addAll(c.warnings());
        return out;
    }

    private static void add(List<String> out, @Nullable String s) {
        if (s != null) {
            out.add(s);
        }
    }

    /** Fails naming the field kind only (never the text) when a string holds an unstorable character. */
    public static void assertStorable(Conversation c) {
        for (String s : strings(c)) {
            assertThat(StorableText.isStorable(s))
                    .as("a string of %s holds NUL, a lone surrogate or a non-character", c)
                    .isTrue();
        }
    }

    public static void assertStorable(UnreadableExport e) {
        assertThat(StorableText.isStorable(e.getMessage()))
                .as("refusal message is storable")
                .isTrue();
    }
}
