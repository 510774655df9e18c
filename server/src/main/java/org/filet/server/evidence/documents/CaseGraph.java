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
    private static final ObjectWriter WRITER = MAPPER.writer().with(new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n")));
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private final ObjectNode root = MAPPER.createObjectNode();
    private final ArrayNode graph;
    private final Set<String> ids = new HashSet<>();
    private final List<String> topLevel = new ArrayList<>();
    private final List<String> evidence = new ArrayList<>();

    /** Requires a namespace IRI ending in a separator, e.g. {@code urn:filet:instance-1:}. */
    CaseGraph(String kbNamespace) {
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
                ? (ArrayNode) owner.get("uco-core:hasFacet") : owner.putArray("uco-core:hasFacet");
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

    byte[] write() {
        byte[] json = WRITER.writeValueAsBytes(root);
        ByteArrayOutputStream out = new ByteArrayOutputStream(json.length + 1);
        out.writeBytes(json);
        out.write('\n');
        return out.toByteArray();
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
        return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD)
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
