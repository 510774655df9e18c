package org.filet.grooming;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.filet.conversation.Message;
import org.jspecify.annotations.Nullable;

/**
 * What is known, beside the conversation itself, of the people in it: which sender is the child, which is the suspect
 * (sender names as the conversation gives them), and the child's age. {@link #NONE} when nothing is known.
 * {@code toString} never shows names.
 */
public final class Roles {

    /** Nothing known. */
    public static final Roles NONE = new Roles(null, null, -1);

    private final @Nullable String child;
    private final @Nullable String suspect;
    private final int childAge;

    private Roles(@Nullable String child, @Nullable String suspect, int childAge) {
        this.child = child;
        this.suspect = suspect;
        this.childAge = childAge;
    }

    /** These roles with the child's sender name set. */
    public Roles withChild(String sender) {
        return new Roles(Objects.requireNonNull(sender, "child"), suspect, childAge);
    }

    /** These roles with the suspect's sender name set. */
    public Roles withSuspect(String sender) {
        return new Roles(child, Objects.requireNonNull(sender, "suspect"), childAge);
    }

    /** These roles with the child's age (0–17) known. */
    public Roles withChildAge(int age) {
        if (age < 0 || age > 17) {
            throw new IllegalArgumentException("childAge must be 0..17, was " + age);
        }
        return new Roles(child, suspect, age);
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
        return "Roles[known=" + (child != null || suspect != null) + ", childAge=" + (childAge >= 0) + "]";
    }
}
