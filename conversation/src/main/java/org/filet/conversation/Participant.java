package org.filet.conversation;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A person (or account) in a conversation. {@code displayName} is whatever the export shows, which is often the name
 * saved by the exporting phone; {@code stableId} is set only when the format carries an identifier (Telegram
 * {@code from_id}, Discord snowflake, Snapchat username, SMS address); {@code phone} when a phone number is shown.
 */
public record Participant(
        String displayName,
        @Nullable String stableId,
        @Nullable String phone) {
    public Participant {
        Objects.requireNonNull(displayName, "displayName");
    }

    public static Participant named(String displayName) {
        return new Participant(displayName, null, null);
    }

    @Override
    public String toString() {
        return "Participant[hasId=" + (stableId != null) + ", hasPhone=" + (phone != null) + "]";
    }
}
