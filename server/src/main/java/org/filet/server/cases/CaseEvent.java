package org.filet.server.cases;

import java.time.Instant;
import java.util.List;

/**
 * One recorded event of a case, to be told in words: when, who (a custody actor, {@code user:<id>}, or null when the
 * record does not say), what (a message key of the bundles, {@code case.event.*}) and the key's arguments. An argument
 * written {@code msg:<key>} is itself a message key (a status, an outcome), put in the reader's language.
 */
public record CaseEvent(Instant at, String actor, String key, List<String> args) {

    public CaseEvent {
        args = List.copyOf(args);
    }

    public static CaseEvent of(Instant at, java.util.UUID user, String key, String... args) {
        return new CaseEvent(
                at,
                user == null ? null : "user:" + user,
                key,
                java.util.Arrays.stream(args).map(a -> a == null ? "—" : a).toList());
    }
}
