package org.filet.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One conversation: as read from a chat export, or plain text (what a reporter typed or pasted, a screenshot's OCR
 * reading), the one model the parsers write, the grooming scorer scores, the server stores and the evidence
 * package's documents print. {@code variant} names the sub-format (for example {@code android-fr},
 * {@code dyi-json}, {@code e2ee}); {@code missing} lists what the export is known to lack (truncation, messages of
 * other people, unsaved messages); {@code warnings} lists interpretation choices and oddities (never chat text).
 */
public record Conversation(
        ChatFormat format,
        String variant,
        @Nullable String title,
        List<Participant> participants,
        List<Message> messages,
        List<String> missing,
        List<String> warnings) {

    public Conversation {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(variant, "variant");
        participants = List.copyOf(participants);
        messages = List.copyOf(messages);
        missing = List.copyOf(missing);
        warnings = List.copyOf(warnings);
        for (int i = 0; i < messages.size(); i++) {
            if (messages.get(i).index() != i) {
                throw new IllegalArgumentException(
                        "messages[" + i + "] has index " + messages.get(i).index());
            }
        }
    }

    /**
     * Plain text ({@link ChatFormat#TEXT}) of these messages, nothing known of the participants. Messages must be
     * indexed from 0 in order, as in every conversation.
     */
    public static Conversation of(List<Message> messages) {
        return new Conversation(ChatFormat.TEXT, "", null, List.of(), messages, List.of(), List.of());
    }

    /** Plain text: one message per line, indexed from 0, sender unknown. */
    public static Conversation ofLines(List<String> lines) {
        List<Message> messages = new ArrayList<>(lines.size());
        for (String line : lines) {
            messages.add(Message.text(messages.size(), null, line));
        }
        return of(messages);
    }

    @Override
    public String toString() {
        return "Conversation[format=" + format + ", variant=" + variant + ", participants=" + participants.size()
                + ", messages=" + messages.size() + ", missing=" + missing.size() + ", warnings=" + warnings.size()
                + "]";
    }
}
