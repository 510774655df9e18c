package org.filet.chatexport;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One conversation as read from an export. {@code variant} names the sub-format (for example {@code android-fr},
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
        throw new IllegalArgumentException("messages[" + i + "] has index " + messages.get(i).index());
      }
    }
  }

  @Override
  public String toString() {
    return "Conversation[format=" + format + ", variant=" + variant + ", participants=" + participants.size()
        + ", messages=" + messages.size() + ", missing=" + missing.size() + ", warnings=" + warnings.size() + "]";
  }
}
