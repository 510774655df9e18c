package org.filet.grooming;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * A conversation to score: its messages in order and, when known, which sender is the child, which is the suspect,
 * and the child's age. Message indexes are unique. {@code toString} never shows message text or names.
 */
public final class Conversation {

  private final String id;
  private final List<Message> messages;
  private final @Nullable String child;
  private final @Nullable String suspect;
  private final int childAge;

  private Conversation(String id, List<Message> messages, @Nullable String child, @Nullable String suspect,
      int childAge) {
    this.id = Objects.requireNonNull(id, "id");
    this.messages = List.copyOf(messages);
    this.child = child;
    this.suspect = suspect;
    this.childAge = childAge;
  }

  /** A conversation of these messages, with no roles or age known. Rejects duplicate message indexes. */
  public static Conversation of(String id, List<Message> messages) {
    java.util.BitSet seen = new java.util.BitSet();
    for (Message m : messages) {
      if (seen.get(m.index())) {
        throw new IllegalArgumentException("duplicate message index " + m.index());
      }
      seen.set(m.index());
    }
    return new Conversation(id, messages, null, null, -1);
  }

  /** A conversation with one message per text, indexed from 0, sender unknown (plain-text input). */
  public static Conversation ofLines(String id, List<String> lines) {
    List<Message> messages = new ArrayList<>(lines.size());
    for (String line : lines) {
      messages.add(new Message(messages.size(), "", line));
    }
    return new Conversation(id, messages, null, null, -1);
  }

  /** This conversation with the child's sender name set. */
  public Conversation withChild(String sender) {
    return new Conversation(id, messages, Objects.requireNonNull(sender, "child"), suspect, childAge);
  }

  /** This conversation with the suspect's sender name set. */
  public Conversation withSuspect(String sender) {
    return new Conversation(id, messages, child, Objects.requireNonNull(sender, "suspect"), childAge);
  }

  /** This conversation with the child's age (0–17) known. */
  public Conversation withChildAge(int age) {
    if (age < 0 || age > 17) {
      throw new IllegalArgumentException("childAge must be 0..17, was " + age);
    }
    return new Conversation(id, messages, child, suspect, age);
  }

  public String id() {
    return id;
  }

  public List<Message> messages() {
    return messages;
  }

  public Optional<String> child() {
    return Optional.ofNullable(child);
  }

  public Optional<String> suspect() {
    return Optional.ofNullable(suspect);
  }

  public OptionalInt childAge() {
    return childAge < 0 ? OptionalInt.empty() : OptionalInt.of(childAge);
  }

  /** Whether this message was written by the known child (false when the child is unknown). */
  boolean byChild(Message m) {
    return child != null && child.equals(m.sender());
  }

  @Override
  public String toString() {
    return "Conversation[messages=" + messages.size() + ", rolesKnown=" + (child != null || suspect != null) + "]";
  }
}
