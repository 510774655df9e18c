package org.filet.conversation;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One entry of a conversation, in the export's own order ({@code index}, from 0).
 *
 * <p>{@code at} is the time exactly as the export wrote it; {@code local} is that time read as a wall-clock value
 * (when it could be read); {@code instant} is set only when the export states an absolute time or a zone was
 * explicitly assumed; {@code zone} says which zone the instant rests on and why (or why there is none).
 * {@code position} says where in the source the entry came from (for example {@code line 12}).
 */
public record Message(
        int index,
        MessageKind kind,
        @Nullable String sender,
        @Nullable String senderId,
        @Nullable String text,
        @Nullable String at,
        @Nullable LocalDateTime local,
        @Nullable Instant instant,
        @Nullable String zone,
        List<Attachment> attachments,
        Set<MessageFlag> flags,
        @Nullable String position) {

    public Message {
        if (index < 0) {
            throw new IllegalArgumentException("index must be >= 0, was " + index);
        }
        Objects.requireNonNull(kind, "kind");
        attachments = List.copyOf(attachments);
        flags = flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
    }

    public boolean edited() {
        return flags.contains(MessageFlag.EDITED);
    }

    public boolean has(MessageFlag flag) {
        return flags.contains(flag);
    }

    /** A copy of this message at another index (used when merged sources are renumbered). */
    public Message withIndex(int newIndex) {
        return new Message(
                newIndex, kind, sender, senderId, text, at, local, instant, zone, attachments, flags, position);
    }

    /** A plain message: {@code text} said by {@code sender} (null when unknown), nothing else known. */
    public static Message text(int index, @Nullable String sender, String text) {
        return new Message(
                index,
                MessageKind.MESSAGE,
                sender,
                null,
                Objects.requireNonNull(text, "text"),
                null,
                null,
                null,
                null,
                List.of(),
                Set.of(),
                null);
    }

    public static Builder builder(int index, MessageKind kind) {
        return new Builder(index, kind);
    }

    @Override
    public String toString() {
        return "Message[index=" + index + ", kind=" + kind + ", textLength=" + (text == null ? -1 : text.length())
                + ", attachments=" + attachments.size() + ", flags=" + flags + "]";
    }

    /** Mutable builder; {@link #build()} validates. */
    public static final class Builder {
        private int index;
        private MessageKind kind;
        private @Nullable String sender;
        private @Nullable String senderId;
        private @Nullable String text;
        private @Nullable String at;
        private @Nullable LocalDateTime local;
        private @Nullable Instant instant;
        private @Nullable String zone;
        private java.util.@Nullable ArrayList<Attachment> attachments;
        private @Nullable EnumSet<MessageFlag> flags;
        private @Nullable String position;

        private Builder(int index, MessageKind kind) {
            this.index = index;
            this.kind = kind;
        }

        public Builder index(int v) {
            this.index = v;
            return this;
        }

        public Builder kind(MessageKind v) {
            this.kind = v;
            return this;
        }

        public MessageKind kind() {
            return kind;
        }

        public Builder sender(@Nullable String v) {
            this.sender = v;
            return this;
        }

        public Builder senderId(@Nullable String v) {
            this.senderId = v;
            return this;
        }

        public Builder text(@Nullable String v) {
            this.text = v;
            return this;
        }

        public @Nullable String text() {
            return text;
        }

        public Builder at(@Nullable String v) {
            this.at = v;
            return this;
        }

        public Builder local(@Nullable LocalDateTime v) {
            this.local = v;
            return this;
        }

        public Builder instant(@Nullable Instant v) {
            this.instant = v;
            return this;
        }

        public Builder zone(@Nullable String v) {
            this.zone = v;
            return this;
        }

        public Builder attachment(Attachment a) {
            if (attachments == null) {
                attachments = new java.util.ArrayList<>(2);
            }
            attachments.add(a);
            return this;
        }

        public Builder flag(MessageFlag f) {
            if (flags == null) {
                flags = EnumSet.noneOf(MessageFlag.class);
            }
            flags.add(f);
            return this;
        }

        public Builder position(@Nullable String v) {
            this.position = v;
            return this;
        }

        public Message build() {
            return new Message(
                    index,
                    kind,
                    sender,
                    senderId,
                    text,
                    at,
                    local,
                    instant,
                    zone,
                    attachments == null ? List.of() : attachments,
                    flags == null ? Set.of() : flags,
                    position);
        }
    }
}
