package org.filet.grooming;

import java.util.Objects;

/**
 * One chat message: its index in the conversation (from 0), its sender as the source names it (may be empty when
 * unknown) and its text. {@code toString} never shows the text.
 */
public record Message(int index, String sender, String text) {

  public Message {
    if (index < 0) {
      throw new IllegalArgumentException("index must be >= 0, was " + index);
    }
    Objects.requireNonNull(sender, "sender");
    Objects.requireNonNull(text, "text");
  }

  @Override
  public String toString() {
    return "Message[index=" + index + ", chars=" + text.length() + "]";
  }
}
