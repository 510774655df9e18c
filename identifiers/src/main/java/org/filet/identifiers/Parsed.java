package org.filet.identifiers;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The outcome of normalising a text: a valid value, or the named {@link Rejection}. Never both, never neither.
 *
 * @param <T> the value type ({@link Identifier}, {@link Phone}, {@link Email})
 */
public sealed interface Parsed<T> permits Parsed.Ok, Parsed.Rejected {

    /** A valid value. */
    record Ok<T>(T value) implements Parsed<T> {
        public Ok {
            Objects.requireNonNull(value, "value");
        }
    }

    /** No value, and why. */
    record Rejected<T>(Rejection reason) implements Parsed<T> {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
        }
    }

    static <T> Parsed<T> ok(T value) {
        return new Ok<>(value);
    }

    static <T> Parsed<T> rejected(Rejection rejection) {
        return new Rejected<>(rejection);
    }

    default boolean isOk() {
        return this instanceof Ok;
    }

    default Optional<T> toOptional() {
        return this instanceof Ok<T> ok ? Optional.of(ok.value()) : Optional.empty();
    }

    default Optional<Rejection> rejection() {
        return this instanceof Rejected<T> r ? Optional.of(r.reason()) : Optional.empty();
    }

    /** The value, or {@link IdentifierRejected} naming the rule. */
    default T orElseThrow() {
        if (this instanceof Ok<T> ok) {
            return ok.value();
        }
        throw new IdentifierRejected(((Rejected<T>) this).reason());
    }

    /** The outcome of {@code f} on the value, or this rejection. */
    default <U> Parsed<U> flatMap(Function<? super T, Parsed<U>> f) {
        if (this instanceof Ok<T> ok) {
            return f.apply(ok.value());
        }
        return new Rejected<>(((Rejected<T>) this).reason());
    }

    default <U> Parsed<U> map(Function<? super T, ? extends U> f) {
        if (this instanceof Ok<T> ok) {
            return new Ok<>(f.apply(ok.value()));
        }
        return new Rejected<>(((Rejected<T>) this).reason());
    }
}
