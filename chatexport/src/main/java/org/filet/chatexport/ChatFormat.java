package org.filet.chatexport;

import java.util.Locale;

/** The export formats this module reads. {@link #jsonName()} is the value of the {@code format} JSON field. */
public enum ChatFormat {
  WHATSAPP, MESSENGER, INSTAGRAM, TELEGRAM, DISCORD, SNAPCHAT, SMS, SIGNAL;

  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Requires a name produced by {@link #jsonName()}; otherwise throws {@link IllegalArgumentException}. */
  public static ChatFormat fromJsonName(String name) {
    for (ChatFormat f : values()) {
      if (f.jsonName().equals(name)) {
        return f;
      }
    }
    throw new IllegalArgumentException("unknown chat format name (length " + name.length() + ")");
  }
}
