package org.filet.verify.custody;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.filet.verify.Hex;
import org.filet.verify.Times;
import org.filet.verify.json.Json;
import org.filet.verify.json.JsonException;
import org.filet.verify.json.JsonFields;
import org.filet.verify.merkle.Rfc9162;

/**
 * One custody ledger entry (format version 1): who did what to which evidence, when, and why. Modelled on CASE/UCO
 * {@code InvestigativeAction}: {@code action}, {@code actor} (performer), {@code time}, {@code inputs} (object),
 * {@code outputs} (result), {@code reason}, plus the Filet {@code instance} and the {@code subject} it concerns.
 *
 * <p>Guarantees: an entry is valid once built; {@link #encode()} is its one canonical byte form (RFC 8785 JSON of
 * the members below, UTF-8), the same for the server that appends it and the offline verifier that reads it, and
 * {@link #decode(byte[])} accepts exactly those bytes. The Merkle leaf is {@code SHA-256(0x00 || encode())}.
 *
 * <pre>{"action":"received","actor":"component:intake@0.1.0","inputs":[],"instance":"hotline-fr",
 *  "outputs":["9f86…"],"subject":"report:R-7KQ2","time":"2026-11-29T03:39:06.123456Z","v":1}</pre>
 */
public final class CustodyEntry {
    public static final int VERSION = 1;
    private static final Set<String> MEMBERS =
            Set.of("v", "action", "actor", "time", "inputs", "outputs", "reason", "instance", "subject");
    private static final Pattern INSTANCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final int MAX_TEXT = 256;
    private static final int MAX_REASON = 2000;
    private static final int MAX_HASHES = 10_000;

    private final CustodyAction action;
    private final String actor;
    private final Instant time;
    private final List<String> inputs;
    private final List<String> outputs;
    private final String reason;
    private final String instance;
    private final String subject;

    private CustodyEntry(Builder b) {
        this.action = b.action;
        this.actor = b.actor;
        this.time = b.time;
        this.inputs = b.inputs;
        this.outputs = b.outputs;
        this.reason = b.reason;
        this.instance = b.instance;
        this.subject = b.subject;
    }

    public static Builder builder() {
        return new Builder();
    }

    public CustodyAction action() {
        return action;
    }

    /** {@code user:<id>} or {@code component:<name>@<version>}. */
    public String actor() {
        return actor;
    }

    /** Microsecond precision, UTC. */
    public Instant time() {
        return time;
    }

    /** SHA-256 (lowercase hex) of each object read by the action, in the order given. */
    public List<String> inputs() {
        return inputs;
    }

    /** SHA-256 (lowercase hex) of each object produced, stored, shown or sent by the action, in the order given. */
    public List<String> outputs() {
        return outputs;
    }

    public Optional<String> reason() {
        return Optional.ofNullable(reason);
    }

    public String instance() {
        return instance;
    }

    /** What the entry is about, e.g. {@code report:<receipt>}. */
    public String subject() {
        return subject;
    }

    /** The JSON value (an object) whose canonical form is {@link #encode()}. */
    public Map<String, Object> toJson() {
        return Json.object(
                "v",
                (long) VERSION,
                "action",
                action.wireName(),
                "actor",
                actor,
                "time",
                Times.format(time),
                "inputs",
                inputs,
                "outputs",
                outputs,
                "reason",
                reason,
                "instance",
                instance,
                "subject",
                subject);
    }

    /** The canonical bytes: RFC 8785 JSON, UTF-8. */
    public byte[] encode() {
        return Json.canonicalBytes(toJson());
    }

    /** {@code SHA-256(0x00 || encode())}, the entry's Merkle leaf hash. */
    public byte[] leafHash() {
        return Rfc9162.leafHash(encode());
    }

    /** Decodes canonical bytes; anything else (other spacing, key order, unknown members…) is rejected. */
    public static CustodyEntry decode(byte[] bytes) throws InvalidCustodyEntry {
        try {
            return fromJson(Json.parseCanonical(bytes));
        } catch (JsonException e) {
            throw new InvalidCustodyEntry("custody entry: " + e.getMessage());
        }
    }

    /** Builds an entry from a parsed JSON object (for example one embedded in custody.jsonl). */
    public static CustodyEntry fromJson(Object json) throws InvalidCustodyEntry {
        try {
            JsonFields f = JsonFields.of("custody entry", json).only(MEMBERS);
            if (f.integer("v") != VERSION) {
                throw new InvalidCustodyEntry("custody entry: unsupported version " + f.integer("v"));
            }
            Instant time;
            try {
                time = Times.parse(f.string("time"));
            } catch (IllegalArgumentException e) {
                throw new InvalidCustodyEntry("custody entry.time: " + e.getMessage());
            }
            CustodyAction action;
            try {
                action = CustodyAction.fromWireName(f.string("action"));
            } catch (IllegalArgumentException e) {
                throw new InvalidCustodyEntry("custody entry.action: unknown action");
            }
            return builder()
                    .action(action)
                    .actor(f.string("actor"))
                    .time(time)
                    .inputs(strings(f.array("inputs"), "inputs"))
                    .outputs(strings(f.array("outputs"), "outputs"))
                    .reason(f.optString("reason"))
                    .instance(f.string("instance"))
                    .subject(f.string("subject"))
                    .build();
        } catch (JsonException | IllegalArgumentException e) {
            throw new InvalidCustodyEntry(e.getMessage());
        }
    }

    private static List<String> strings(List<?> list, String field) throws InvalidCustodyEntry {
        List<String> out = new ArrayList<>(list.size());
        for (Object o : list) {
            if (!(o instanceof String s)) {
                throw new InvalidCustodyEntry("custody entry." + field + ": expected strings");
            }
            out.add(s);
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CustodyEntry other && Arrays.equals(encode(), other.encode());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encode());
    }

    /** Omits the reason, which may describe restricted material. */
    @Override
    public String toString() {
        return "CustodyEntry[" + action.wireName() + " by " + actor + " at " + Times.format(time) + " on " + subject
                + ", " + inputs.size() + " in, " + outputs.size() + " out]";
    }

    /** Validating builder; {@link #build()} checks every field and the action/reason rule. */
    public static final class Builder {
        private CustodyAction action;
        private String actor;
        private Instant time;
        private List<String> inputs = List.of();
        private List<String> outputs = List.of();
        private String reason;
        private String instance;
        private String subject;

        private Builder() {}

        public Builder action(CustodyAction action) {
            this.action = action;
            return this;
        }

        public Builder actor(String actor) {
            this.actor = text(actor, "actor", MAX_TEXT);
            return this;
        }

        /** Truncated to microseconds (what PostgreSQL {@code timestamptz} keeps). */
        public Builder time(Instant time) {
            try {
                this.time = Times.normalise(time);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("custody entry.time: " + e.getMessage());
            }
            return this;
        }

        public Builder inputs(List<String> sha256Hex) {
            this.inputs = hashes(sha256Hex, "inputs");
            return this;
        }

        public Builder outputs(List<String> sha256Hex) {
            this.outputs = hashes(sha256Hex, "outputs");
            return this;
        }

        /** Required for {@code viewed} and {@code shared}; optional otherwise. {@code null} clears it. */
        public Builder reason(String reason) {
            this.reason = reason == null ? null : text(reason, "reason", MAX_REASON);
            return this;
        }

        public Builder instance(String instance) {
            if (instance == null || !INSTANCE.matcher(instance).matches()) {
                throw new IllegalArgumentException("custody entry.instance: must match " + INSTANCE.pattern());
            }
            this.instance = instance;
            return this;
        }

        public Builder subject(String subject) {
            this.subject = text(subject, "subject", MAX_TEXT);
            return this;
        }

        public CustodyEntry build() {
            require(action, "action");
            require(actor, "actor");
            require(time, "time");
            require(instance, "instance");
            require(subject, "subject");
            if (action.requiresReason() && reason == null) {
                throw new IllegalArgumentException("custody entry.reason: required for action " + action.wireName());
            }
            return new CustodyEntry(this);
        }

        private static void require(Object v, String field) {
            if (v == null) {
                throw new IllegalArgumentException("custody entry." + field + ": required");
            }
        }

        private static String text(String s, String field, int max) {
            if (s == null || s.isBlank() || s.length() > max) {
                throw new IllegalArgumentException("custody entry." + field + ": 1.." + max + " characters, not blank");
            }
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c < 0x20 || c == 0x7f || Character.isSurrogate(c) && !validPair(s, i)) {
                    throw new IllegalArgumentException(
                            "custody entry." + field + ": control character or lone " + "surrogate at " + i);
                }
                if (Character.isHighSurrogate(c)) {
                    i++;
                }
            }
            return s;
        }

        private static boolean validPair(String s, int i) {
            return Character.isHighSurrogate(s.charAt(i))
                    && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1));
        }

        private static List<String> hashes(List<String> in, String field) {
            if (in == null || in.size() > MAX_HASHES) {
                throw new IllegalArgumentException("custody entry." + field + ": 0.." + MAX_HASHES + " hashes");
            }
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < in.size(); i++) {
                if (!Hex.isSha256(in.get(i))) {
                    throw new IllegalArgumentException(
                            "custody entry." + field + "[" + i + "]: not a lowercase SHA-256 hex");
                }
                if (!seen.add(in.get(i))) {
                    throw new IllegalArgumentException("custody entry." + field + "[" + i + "]: duplicate hash");
                }
            }
            return Collections.unmodifiableList(new ArrayList<>(in));
        }
    }
}
