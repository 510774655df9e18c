package org.filet.server.evidence.documents;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A JSON-LD {@code @graph} under construction, with the CASE 1.4 / UCO 1.4 context, a {@code kb:} namespace and the
 * literal forms CASE validators expect ({@code xsd:dateTime}, {@code xsd:integer}, {@code xsd:hexBinary} as
 * {@code {"@type", "@value"}}). Every string is made a valid {@code xsd:string} first (see {@link #xsdString}).
 */
final class CaseGraph {

    static final String SPEC_VERSION = "CASE 1.4.0 / UCO 1.4.0";
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final ObjectWriter WRITER = MAPPER.writer()
            .with(new DefaultPrettyPrinter()
                    .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                    .withArrayIndenter(new DefaultIndenter("  ", "\n")));
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private final ObjectNode root = MAPPER.createObjectNode();
    private final ArrayNode graph;
    private final Set<String> ids = new HashSet<>();
    private final List<String> topLevel = new ArrayList<>();
    private final List<String> evidence = new ArrayList<>();

    /** Names the identifiers of every Filet graph (UUID version 5 namespace). */
    static final UUID NAMESPACE = UUID.fromString("6f1c1d2e-52a4-4b7e-9a55-0b7c1e7d5a10");

    private final String instance;

    /**
     * Requires a namespace IRI ending in a separator, e.g. {@code urn:filet:instance-1:}, and the instance id that
     * seeds the identifiers.
     */
    CaseGraph(String kbNamespace, String instance) {
        this.instance = instance == null ? "" : instance;
        ObjectNode context = root.putObject("@context");
        context.put("kb", kbNamespace);
        context.put("case-investigation", "https://ontology.caseontology.org/case/investigation/");
        context.put("uco-action", "https://ontology.unifiedcyberontology.org/uco/action/");
        context.put("uco-core", "https://ontology.unifiedcyberontology.org/uco/core/");
        context.put("uco-identity", "https://ontology.unifiedcyberontology.org/uco/identity/");
        context.put("uco-observable", "https://ontology.unifiedcyberontology.org/uco/observable/");
        context.put("uco-types", "https://ontology.unifiedcyberontology.org/uco/types/");
        context.put("uco-vocabulary", "https://ontology.unifiedcyberontology.org/uco/vocabulary/");
        context.put("xsd", "http://www.w3.org/2001/XMLSchema#");
        graph = root.putArray("@graph");
    }

    /** A new top-level node of the graph; requires an id not used yet (see {@link #has}). */
    ObjectNode node(String id, String type) {
        if (!ids.add(id)) {
            throw new IllegalStateException("node added twice");
        }
        topLevel.add(id);
        ObjectNode node = graph.addObject();
        node.put("@id", id);
        node.put("@type", type);
        return node;
    }

    /** A new top-level node that is also one of the report's pieces of evidence (see {@link #evidence}). */
    ObjectNode evidenceNode(String id, String type) {
        evidence.add(id);
        return node(id, type);
    }

    boolean has(String id) {
        return ids.contains(id);
    }

    /** Ids of every top-level node, in the order they were added. */
    List<String> topLevel() {
        return List.copyOf(topLevel);
    }

    /** Ids of the files, messages, accounts and contacts, in the order they were added. */
    List<String> evidence() {
        return List.copyOf(evidence);
    }

    /** A facet nested in {@code owner}'s {@code uco-core:hasFacet}; facets are UcoThings, so they get an id too. */
    ObjectNode facet(ObjectNode owner, String id, String type) {
        ArrayNode facets = owner.has("uco-core:hasFacet")
                ? (ArrayNode) owner.get("uco-core:hasFacet")
                : owner.putArray("uco-core:hasFacet");
        ObjectNode facet = facets.addObject();
        facet.put("@id", id);
        facet.put("@type", type);
        return facet;
    }

    static void text(ObjectNode node, String property, String value) {
        if (value != null) {
            node.put(property, xsdString(value));
        }
    }

    static void texts(ObjectNode node, String property, Collection<String> values) {
        if (!values.isEmpty()) {
            ArrayNode array = node.putArray(property);
            values.forEach(v -> array.add(xsdString(v)));
        }
    }

    static void typed(ObjectNode node, String property, String datatype, String value) {
        if (value != null) {
            ObjectNode literal = node.putObject(property);
            literal.put("@type", datatype);
            literal.put("@value", xsdString(value));
        }
    }

    static void time(ObjectNode node, String property, Instant value) {
        if (value != null) {
            typed(node, property, "xsd:dateTime", value.toString());
        }
    }

    static void ref(ObjectNode node, String property, String id) {
        if (id != null) {
            node.putObject(property).put("@id", id);
        }
    }

    static void refs(ObjectNode node, String property, Collection<String> ids) {
        if (!ids.isEmpty()) {
            ArrayNode array = node.putArray(property);
            ids.forEach(id -> array.addObject().put("@id", id));
        }
    }

    /**
     * Writes the graph with every node named {@code kb:<type>-<UUID>}: the type is the node's class in kebab case
     * ({@code kb:file-…}, {@code kb:investigative-action-…}), the UUID a version 5 UUID of the instance and the
     * node's key as the exporter built it. The keys never hold a phone number, handle or other reported value (those
     * live in properties), so the IRIs reveal nothing, and the same file or ledger leaf gets the same IRI in every
     * export of the instance.
     */
    byte[] write() {
        java.util.Map<String, String> types = new java.util.HashMap<>();
        collectTypes(root, types);
        java.util.Map<String, String> iris = new java.util.HashMap<>();
        rename(root, types, iris);
        byte[] json = WRITER.writeValueAsBytes(root);
        ByteArrayOutputStream out = new ByteArrayOutputStream(json.length + 1);
        out.writeBytes(json);
        out.write('\n');
        return out.toByteArray();
    }

    private static void collectTypes(tools.jackson.databind.JsonNode node, java.util.Map<String, String> types) {
        if (node instanceof ObjectNode o) {
            if (o.has("@id") && o.has("@type")) {
                types.putIfAbsent(o.get("@id").asString(), o.get("@type").asString());
            }
            o.values().forEach(v -> collectTypes(v, types));
        } else if (node instanceof ArrayNode a) {
            a.forEach(v -> collectTypes(v, types));
        }
    }

    private void rename(
            tools.jackson.databind.JsonNode node,
            java.util.Map<String, String> types,
            java.util.Map<String, String> iris) {
        if (node instanceof ObjectNode o) {
            if (o.has("@id") && o != root) {
                String key = o.get("@id").asString();
                o.put("@id", iris.computeIfAbsent(key, k -> iri(k, types.get(k))));
            }
            o.values().forEach(v -> rename(v, types, iris));
        } else if (node instanceof ArrayNode a) {
            a.forEach(v -> rename(v, types, iris));
        }
    }

    /** {@code kb:<type>-<UUID v5 of instance and key>}. */
    String iri(String key, String type) {
        String local = type == null ? "thing" : type.substring(type.indexOf(':') + 1);
        String kebab = local.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
        return "kb:" + kebab + "-" + uuid5(NAMESPACE, instance + "\n" + key);
    }

    /** A name-based UUID, version 5 (SHA-1), as RFC 9562 §5.5 defines it. */
    static UUID uuid5(UUID namespace, String name) {
        java.security.MessageDigest sha1;
        try {
            sha1 = java.security.MessageDigest.getInstance("SHA-1");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required of every Java platform", e);
        }
        java.nio.ByteBuffer ns = java.nio.ByteBuffer.allocate(16);
        ns.putLong(namespace.getMostSignificantBits()).putLong(namespace.getLeastSignificantBits());
        sha1.update(ns.array());
        sha1.update(name.getBytes(StandardCharsets.UTF_8));
        byte[] h = sha1.digest();
        h[6] = (byte) ((h[6] & 0x0f) | 0x50);
        h[8] = (byte) ((h[8] & 0x3f) | 0x80);
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(h, 0, 16);
        return new UUID(b.getLong(), b.getLong());
    }

    /**
     * The value as a valid {@code xsd:string}: code points outside XML 1.0 {@code Char} (NUL and the other C0 controls
     * except tab, line feed and carriage return, lone surrogates, U+FFFE/U+FFFF) become U+FFFD, so RDF tools accept
     * the file. Everything else, markup and right-to-left text included, is kept as is (JSON escaping makes it inert).
     */
    static String xsdString(String value) {
        StringBuilder out = new StringBuilder(value.length());
        value.codePoints().forEach(cp -> out.appendCodePoint(isXmlChar(cp) ? cp : 0xFFFD));
        return out.toString();
    }

    private static boolean isXmlChar(int cp) {
        return cp == 0x9
                || cp == 0xA
                || cp == 0xD
                || (cp >= 0x20 && cp <= 0xD7FF)
                || (cp >= 0xE000 && cp <= 0xFFFD)
                || (cp >= 0x10000 && cp <= 0x10FFFF);
    }

    /**
     * A string made safe for an IRI segment: ASCII letters, digits, {@code -._~} kept, every other UTF-8 byte
     * percent-encoded, null or empty as {@code %00} (so distinct values give distinct segments, a value that is a
     * single NUL aside).
     */
    static String segment(String value) {
        if (value == null || value.isEmpty()) {
            return "%00";
        }
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c < 0x80 && (Character.isLetterOrDigit(c) || c == '-' || c == '.' || c == '_' || c == '~')) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX.toHexDigits((byte) c));
            }
        }
        return out.toString();
    }
}
