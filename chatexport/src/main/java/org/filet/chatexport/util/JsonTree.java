package org.filet.chatexport.util;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.filet.chatexport.ImportLimits;
import org.filet.chatexport.UnreadableExport;
import org.filet.chatexport.UnreadableExport.Reason;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;

/**
 * Reads JSON into plain maps, lists, strings, numbers (Long, or the literal text for other numbers so that
 * snowflakes and ids are never rounded), booleans and nulls, under {@link StreamReadConstraints} from
 * {@link ImportLimits}. Errors name the source and position, never the content.
 */
public final class JsonTree {
    private JsonTree() {}

    public static JsonFactory factory(ImportLimits limits) {
        return JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(limits.maxJsonDepth())
                        .maxStringLength(limits.maxJsonStringChars())
                        .maxNumberLength(64)
                        .maxNameLength(4096)
                        .build())
                .build();
    }

    /** Parses a whole document (after an optional BOM). */
    public static @Nullable Object parse(String source, byte[] bytes, ImportLimits limits) throws UnreadableExport {
        int off = bomLength(bytes);
        try (JsonParser p = factory(limits).createParser(ObjectReadContext.empty(), bytes, off, bytes.length - off)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new UnreadableExport(source, Reason.MALFORMED, "empty JSON document");
            }
            Object v = value(p, t);
            if (p.nextToken() != null) {
                throw new UnreadableExport(source, Reason.MALFORMED, "data after the end of the JSON document");
            }
            return v;
        } catch (JacksonException e) {
            throw refusal(source, e, limits);
        }
    }

    /** Maps a Jackson failure to a named refusal (position only, never content). */
    public static UnreadableExport refusal(String source, JacksonException e, ImportLimits limits) {
        if (e instanceof StreamConstraintsException) {
            Reason r = e.getOriginalMessage().contains("depth") ? Reason.TOO_DEEP : Reason.TOO_LARGE;
            return new UnreadableExport(
                    source,
                    r,
                    "JSON exceeds a safety limit ("
                            + (r == Reason.TOO_DEEP
                                    ? "nesting deeper than " + limits.maxJsonDepth()
                                    : "a string or number too long")
                            + ")" + at(e));
        }
        boolean encoding = e.getOriginalMessage().contains("UTF-8")
                || e.getOriginalMessage().contains("Invalid UTF");
        return new UnreadableExport(
                source,
                encoding ? Reason.INVALID_ENCODING : Reason.MALFORMED,
                (encoding ? "invalid UTF-8 in JSON" : "invalid or truncated JSON") + at(e));
    }

    /** Receives elements of a streamed top-level array. */
    public interface ElementSink {
        void element(String key, @Nullable Object element) throws UnreadableExport;
    }

    /**
     * Reads a top-level JSON object, passing each element of the top-level arrays whose key {@code streamed} accepts to
     * the sink
     * as it is read (so only one element is in memory at a time) and returning the other top-level fields.
     */
    public static Map<String, Object> streamTopLevelArrays(
            String source,
            byte[] bytes,
            ImportLimits limits,
            java.util.function.Predicate<String> streamed,
            ElementSink sink)
            throws UnreadableExport {
        int off = bomLength(bytes);
        try (JsonParser p = factory(limits).createParser(ObjectReadContext.empty(), bytes, off, bytes.length - off)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new UnreadableExport(source, Reason.MALFORMED, "expected a JSON object");
            }
            Map<String, Object> rest = new LinkedHashMap<>();
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String key = p.currentName();
                JsonToken t = p.nextToken();
                if (t == JsonToken.START_ARRAY && streamed.test(key)) {
                    JsonToken e;
                    while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
                        sink.element(key, value(p, e));
                    }
                } else {
                    rest.put(key, value(p, t));
                }
            }
            if (p.nextToken() != null) {
                throw new UnreadableExport(source, Reason.MALFORMED, "data after the end of the JSON document");
            }
            return rest;
        } catch (JacksonException e) {
            throw refusal(source, e, limits);
        }
    }

    /** The top-level keys of a JSON object (values are skipped, not built), or an empty set for other documents. */
    public static java.util.Set<String> topLevelKeys(String source, byte[] bytes, ImportLimits limits)
            throws UnreadableExport {
        int off = bomLength(bytes);
        java.util.Set<String> keys = new java.util.HashSet<>();
        try (JsonParser p = factory(limits).createParser(ObjectReadContext.empty(), bytes, off, bytes.length - off)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return keys;
            }
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                keys.add(p.currentName());
                p.nextToken();
                p.skipChildren();
            }
            return keys;
        } catch (JacksonException e) {
            throw refusal(source, e, limits);
        }
    }

    /** Offset after a UTF-8 byte order mark, if any. */
    public static int bomLength(byte[] bytes) {
        return bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF
                ? 3
                : 0;
    }

    private static String at(JacksonException e) {
        return e.getLocation() == null
                ? ""
                : " at line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr();
    }

    /** Reads the value starting at the current token {@code t} (used to read one element of a streamed array). */
    public static @Nullable Object value(JsonParser p, JsonToken t) {
        switch (t) {
            case START_OBJECT: {
                Map<String, Object> m = new LinkedHashMap<>();
                JsonToken k;
                while ((k = p.nextToken()) == JsonToken.PROPERTY_NAME) {
                    String name = p.currentName();
                    Object v = value(p, p.nextToken());
                    m.put(name, v);
                }
                return m;
            }
            case START_ARRAY: {
                List<Object> l = new ArrayList<>();
                JsonToken k;
                while ((k = p.nextToken()) != JsonToken.END_ARRAY) {
                    l.add(value(p, k));
                }
                return l;
            }
            case VALUE_STRING:
                return p.getString();
            case VALUE_NUMBER_INT:
                return p.getNumberType() == JsonParser.NumberType.INT || p.getNumberType() == JsonParser.NumberType.LONG
                        ? (Object) p.getLongValue()
                        : p.getString();
            case VALUE_NUMBER_FLOAT:
                return p.getString();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw new IllegalStateException("unexpected JSON token " + t);
        }
    }

    // Typed accessors over the tree. They return null when the value is absent or of another type.

    @SuppressWarnings("unchecked")
    public static @Nullable Map<String, Object> obj(@Nullable Object o) {
        return o instanceof Map ? (Map<String, Object>) o : null;
    }

    @SuppressWarnings("unchecked")
    public static List<Object> list(@Nullable Object o) {
        return o instanceof List ? (List<Object>) o : List.of();
    }

    public static @Nullable String str(@Nullable Map<String, Object> m, String key) {
        Object v = m == null ? null : m.get(key);
        return v instanceof String s ? s : v instanceof Long l ? l.toString() : null;
    }

    public static @Nullable Long lng(@Nullable Map<String, Object> m, String key) {
        Object v = m == null ? null : m.get(key);
        if (v instanceof Long l) {
            return l;
        }
        if (v instanceof String s) {
            try {
                return Long.parseLong(s.strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    public static boolean bool(@Nullable Map<String, Object> m, String key) {
        return m != null && Boolean.TRUE.equals(m.get(key));
    }
}
