package org.filet.verify.json;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON subset used by every Filet evidence file, with one canonical byte form.
 *
 * <p>Values are {@link String}, {@link Long}, {@link Boolean}, {@code null}, {@link List} and {@link Map} with string
 * keys. There are no fractional numbers: every number must be an integer in the {@code long} range. For this subset
 * the canonical form is exactly RFC 8785 (JSON Canonicalization Scheme): no whitespace, object members sorted by the
 * UTF-16 code units of their names, strings escaped minimally ({@code \"}, {@code \\}, {@code \b \f \n \r \t}, other
 * controls as lowercase <code>&#92;u00xx</code>), UTF-8 output.
 *
 * <p>The parser is for hostile input: bounded nesting, duplicate member names rejected, invalid UTF-16 surrogates
 * rejected, nothing after the value but optional whitespace. It returns a value or throws {@link JsonException}.
 */
public final class Json {

    /** Maximum nesting of arrays and objects accepted by {@link #parse}. */
    public static final int MAX_DEPTH = 32;

    private Json() {}

    /** Canonical (RFC 8785) UTF-8 bytes of {@code value}. Requires a value of the supported subset. */
    public static byte[] canonicalBytes(Object value) {
        return canonicalString(value).getBytes(StandardCharsets.UTF_8);
    }

    /** Canonical (RFC 8785) text of {@code value}. Requires a value of the supported subset. */
    public static String canonicalString(Object value) {
        StringBuilder sb = new StringBuilder(256);
        write(sb, value, 0);
        return sb.toString();
    }

    /** Parses UTF-8 JSON text; rejects invalid UTF-8. */
    public static Object parse(byte[] utf8) throws JsonException {
        return parse(Utf8.decodeStrict(utf8));
    }

    /** Parses JSON text into the value model described in the class comment. */
    public static Object parse(String text) throws JsonException {
        return new JsonParser(text, MAX_DEPTH).parseDocument();
    }

    /**
     * Parses and requires that {@code utf8} is already in canonical form, so that exactly one byte sequence encodes a
     * given value. This is what makes "flip any byte and verification fails" hold for JSON files.
     */
    public static Object parseCanonical(byte[] utf8) throws JsonException {
        Object value = parse(utf8);
        if (!java.util.Arrays.equals(canonicalBytes(value), utf8)) {
            throw new JsonException("not in canonical form (RFC 8785: sorted keys, no whitespace, minimal escapes)");
        }
        return value;
    }

    /** A sorted, unmodifiable object builder helper: {@code Json.object("a", 1L, "b", "x")}. */
    public static Map<String, Object> object(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("odd number of arguments: " + keysAndValues.length);
        }
        TreeMap<String, Object> map = new TreeMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                map.put((String) keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return Collections.unmodifiableMap(map);
    }

    private static void write(StringBuilder sb, Object v, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("nesting deeper than " + MAX_DEPTH);
        }
        if (v == null) {
            sb.append("null");
        } else if (v instanceof String s) {
            writeString(sb, s);
        } else if (v instanceof Long || v instanceof Integer) {
            sb.append(((Number) v).longValue());
        } else if (v instanceof Boolean b) {
            sb.append(b.booleanValue());
        } else if (v instanceof List<?> list) {
            sb.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                write(sb, list.get(i), depth + 1);
            }
            sb.append(']');
        } else if (v instanceof Map<?, ?> map) {
            List<String> keys = new ArrayList<>(map.size());
            for (Object k : map.keySet()) {
                if (!(k instanceof String)) {
                    throw new IllegalArgumentException(
                            "object key is not a string: " + k.getClass().getName());
                }
                keys.add((String) k);
            }
            Collections.sort(keys); // String.compareTo orders by UTF-16 code units, as RFC 8785 §3.2.3 requires
            sb.append('{');
            boolean first = true;
            for (String k : keys) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                writeString(sb, k);
                sb.append(':');
                write(sb, map.get(k), depth + 1);
            }
            sb.append('}');
        } else {
            throw new IllegalArgumentException(
                    "unsupported JSON value type: " + v.getClass().getName());
        }
    }

    private static void writeString(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append("\\u00")
                                .append(Character.forDigit(c >> 4, 16))
                                .append(Character.forDigit(c & 15, 16));
                    } else if (Character.isSurrogate(c)) {
                        if (Character.isHighSurrogate(c)
                                && i + 1 < s.length()
                                && Character.isLowSurrogate(s.charAt(i + 1))) {
                            sb.append(c).append(s.charAt(++i));
                        } else {
                            throw new IllegalArgumentException("lone surrogate at char " + i);
                        }
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
