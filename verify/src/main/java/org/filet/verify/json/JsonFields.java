package org.filet.verify.json;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Typed, named access to the members of a parsed JSON object; every failure names the field, never its value. */
public final class JsonFields {
    private final String what;
    private final Map<?, ?> map;

    private JsonFields(String what, Map<?, ?> map) {
        this.what = what;
        this.map = map;
    }

    /** Requires {@code value} to be an object; {@code what} names it in error messages. */
    public static JsonFields of(String what, Object value) throws JsonException {
        if (!(value instanceof Map<?, ?> m)) {
            throw new JsonException(what + ": expected an object");
        }
        return new JsonFields(what, m);
    }

    /** Rejects members other than {@code allowed}. */
    public JsonFields only(Set<String> allowed) throws JsonException {
        for (Object k : map.keySet()) {
            if (!allowed.contains(k)) {
                throw new JsonException(what + ": unknown member \"" + safeName(k) + "\"");
            }
        }
        return this;
    }

    public boolean has(String key) {
        return map.containsKey(key);
    }

    public String string(String key) throws JsonException {
        Object v = required(key);
        if (!(v instanceof String s)) {
            throw new JsonException(what + "." + key + ": expected a string");
        }
        return s;
    }

    public String optString(String key) throws JsonException {
        return map.containsKey(key) ? string(key) : null;
    }

    public long integer(String key) throws JsonException {
        Object v = required(key);
        if (!(v instanceof Long l)) {
            throw new JsonException(what + "." + key + ": expected an integer");
        }
        return l;
    }

    public List<?> array(String key) throws JsonException {
        Object v = required(key);
        if (!(v instanceof List<?> l)) {
            throw new JsonException(what + "." + key + ": expected an array");
        }
        return l;
    }

    public Object value(String key) throws JsonException {
        return required(key);
    }

    private Object required(String key) throws JsonException {
        if (!map.containsKey(key)) {
            throw new JsonException(what + ": missing member \"" + key + "\"");
        }
        return map.get(key);
    }

    private static String safeName(Object k) {
        String s = String.valueOf(k);
        return s.length() <= 40 && s.chars().allMatch(c -> c >= 0x20 && c < 0x7f && c != '"') ? s : "?";
    }
}
