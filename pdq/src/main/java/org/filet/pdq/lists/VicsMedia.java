package org.filet.pdq.lists;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/** One VICS media record being read: its id, category and the MD5/SHA-1 values found in it. */
final class VicsMedia {

    private String id;
    private String category = "";
    private final List<String[]> hashes = new ArrayList<>();
    private long startLine;

    /** Reads the object the parser is at (on START_OBJECT) and appends its entries. */
    void read(JsonParser p, List<HashListEntry> out) throws MalformedHashListException {
        startLine = HashLists.line(p);
        readFields(p, true);
        if (hashes.isEmpty()) {
            return;
        }
        if (id == null || id.isBlank()) {
            throw new MalformedHashListException(startLine, "media record has hashes but no MediaID");
        }
        for (String[] h : hashes) {
            HashKind kind = HashKind.valueOf(h[0]);
            if (!kind.accepts(h[1])) {
                throw new MalformedHashListException(
                        Long.parseLong(h[2]),
                        "MediaID " + id + ": not a " + kind + " hash (" + kind.hexLength() + " hex digits expected)");
            }
            out.add(HashListEntry.of(id, kind, h[1], category));
        }
    }

    private void readFields(JsonParser p, boolean top) throws MalformedHashListException {
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = p.currentName().toLowerCase(java.util.Locale.ROOT);
            JsonToken t = p.nextToken();
            switch (name) {
                case "mediaid":
                    if (top) {
                        id = scalar(p, t, "MediaID");
                    }
                    break;
                case "category":
                    if (top) {
                        category = t == JsonToken.VALUE_NULL ? "" : scalar(p, t, "Category");
                    }
                    break;
                case "md5":
                    hash(p, t, HashKind.MD5);
                    break;
                case "sha1":
                    hash(p, t, HashKind.SHA1);
                    break;
                case "mediafiles":
                    if (t == JsonToken.START_ARRAY) {
                        while (p.nextToken() == JsonToken.START_OBJECT) {
                            readFields(p, false);
                        }
                    } else {
                        p.skipChildren();
                    }
                    break;
                default:
                    p.skipChildren();
            }
        }
    }

    private void hash(JsonParser p, JsonToken t, HashKind kind) throws MalformedHashListException {
        if (t == JsonToken.VALUE_NULL) {
            return;
        }
        String v = scalar(p, t, kind.name()).trim();
        if (!v.isEmpty()) {
            hashes.add(new String[] {kind.name(), v, Long.toString(HashLists.line(p))});
        }
    }

    private static String scalar(JsonParser p, JsonToken t, String field) throws MalformedHashListException {
        if (t == JsonToken.VALUE_STRING || t == JsonToken.VALUE_NUMBER_INT) {
            return p.getString();
        }
        throw new MalformedHashListException(HashLists.line(p), field + " must be a string or an integer");
    }
}
