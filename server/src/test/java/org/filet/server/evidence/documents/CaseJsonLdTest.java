package org.filet.server.evidence.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.filet.server.evidence.documents.ExportSummary.CustodyItem;
import org.filet.server.evidence.documents.ExportSummary.FileItem;
import org.filet.server.evidence.documents.ExportSummary.Message;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class CaseJsonLdTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void declaresTheCaseAndUcoNamespacesAndAKbUnderTheInstance() {
        JsonNode context = parse(new Summaries()).get("@context");

        assertThat(context.get("kb").asString()).isEqualTo("urn:filet:filet-test-1:");
        assertThat(context.get("case-investigation").asString())
                .isEqualTo("https://ontology.caseontology.org/case/investigation/");
        for (String uco : List.of("core", "action", "observable", "types", "identity", "vocabulary")) {
            assertThat(context.get("uco-" + uco).asString())
                    .isEqualTo("https://ontology.unifiedcyberontology.org/uco/" + uco + "/");
        }
    }

    @Test
    void hasTheExpectedNumberOfEachType() {
        Summaries summaries = new Summaries();
        Map<String, Long> types = nodes(parse(summaries)).values().stream()
                .collect(Collectors.groupingBy(n -> n.get("@type").asString(), Collectors.counting()));

        assertThat(types)
                .containsEntry("uco-core:Bundle", 1L)
                .containsEntry("case-investigation:ProvenanceRecord", 1L)
                .containsEntry("uco-observable:File", (long) summaries.files.size())
                .containsEntry("case-investigation:InvestigativeAction", (long) summaries.custody.size())
                .containsEntry("uco-observable:Message", (long) summaries.messages.size())
                .containsEntry("uco-observable:ApplicationAccount", (long) summaries.accounts.size())
                .containsEntry("uco-observable:PhoneAccount", 1L)
                .containsEntry("uco-observable:EmailAddress", 1L)
                .containsEntry("uco-identity:Organization", 1L)
                .containsEntry("uco-identity:Identity", 2L)
                .containsEntry("uco-observable:ObservableObject", 1L);
    }

    @Test
    void everyFileIsAnObservableWithItsSha256AndSize() {
        Summaries summaries = new Summaries();
        Map<String, JsonNode> nodes = nodes(parse(summaries));

        for (FileItem file : summaries.files) {
            JsonNode node = nodes.get(id("kb:file-" + file.sha256(), "uco-observable:File"));
            assertThat(node.get("@type").asString()).isEqualTo("uco-observable:File");
            JsonNode fileFacet = facet(node, "uco-observable:FileFacet");
            assertThat(fileFacet.get("uco-observable:filePath").asString()).isEqualTo(file.path());
            assertThat(fileFacet.get("uco-observable:sizeInBytes").get("@value").asString())
                    .isEqualTo(Long.toString(file.size()));
            JsonNode hash = facet(node, "uco-observable:ContentDataFacet")
                    .get("uco-observable:hash")
                    .get(0);
            assertThat(hash.get("@type").asString()).isEqualTo("uco-types:Hash");
            assertThat(hash.get("uco-types:hashMethod").isString())
                    .as("a plain xsd:string, as UCO 1.4.0 wants")
                    .isTrue();
            assertThat(hash.get("uco-types:hashMethod").asString()).isEqualTo("SHA256");
            assertThat(hash.get("uco-types:hashValue").get("@value").asString()).isEqualTo(file.sha256());
            assertThat(hash.get("uco-types:hashValue").get("@type").asString()).isEqualTo("xsd:hexBinary");
        }
        JsonNode derived = nodes.get(id("kb:file-" + summaries.files.get(2).sha256(), "uco-observable:File"));
        assertThat(derived.get("case-investigation:wasDerivedFrom").get("@id").asString())
                .isEqualTo(id("kb:file-" + summaries.files.get(2).derivedFrom(), "uco-observable:File"));
    }

    @Test
    void everyCustodyEntryIsAnInvestigativeActionWithPerformerObjectsAndResults() {
        Summaries summaries = new Summaries();
        Map<String, JsonNode> nodes = nodes(parse(summaries));

        for (CustodyItem item : summaries.custody) {
            JsonNode action = nodes.get(id("kb:custody-leaf-" + item.leafIndex(), INVESTIGATIVE_ACTION));
            assertThat(action.get("@type").asString()).isEqualTo("case-investigation:InvestigativeAction");
            assertThat(action.get("uco-core:name").asString()).isEqualTo(item.action());
            assertThat(action.get("uco-action:startTime").get("@value").asString())
                    .isEqualTo(item.time().toString());
            String performer = action.get("uco-action:performer").get("@id").asString();
            assertThat(nodes.get(performer).get("uco-core:name").asString()).isEqualTo(item.actor());
            assertThat(hashesOf(nodes, action.get("uco-action:result"))).isEqualTo(item.outputs());
            assertThat(hashesOf(nodes, action.get("uco-action:object"))).isEqualTo(item.inputs());
        }
        JsonNode outside = nodes.get(nodes.get(id("kb:custody-leaf-12", INVESTIGATIVE_ACTION))
                .get("uco-action:result")
                .get(0)
                .get("@id")
                .asString());
        assertThat(outside.get("@type").asString()).isEqualTo("uco-observable:ObservableObject");
    }

    @Test
    void messagesCarryTextSenderAndPositionAndIsoTimesBecomeSentTime() {
        Summaries summaries = new Summaries();
        Map<String, JsonNode> nodes = nodes(parse(summaries));

        for (int i = 0; i < summaries.messages.size(); i++) {
            Message message = summaries.messages.get(i);
            JsonNode facet = facet(
                    nodes.get(id("kb:report%3AR-7KQ2-TEST-message-" + (i + 1), MESSAGE)),
                    "uco-observable:MessageFacet");
            assertThat(facet.get("uco-observable:messageText").asString()).isEqualTo(message.text());
            assertThat(facet.get("uco-observable:messageID").asString()).isEqualTo("" + message.position());
            JsonNode sender =
                    nodes.get(facet.get("uco-observable:from").get("@id").asString());
            assertThat(facet(sender, "uco-observable:DigitalAccountFacet")
                            .get("uco-observable:displayName")
                            .asString())
                    .isEqualTo(message.sender());
            assertThat(sender.get("uco-core:tag").get(0).asString()).isEqualTo(message.from());
        }
        JsonNode third =
                facet(nodes.get(id("kb:report%3AR-7KQ2-TEST-message-3", MESSAGE)), "uco-observable:MessageFacet");
        assertThat(third.get("uco-observable:sentTime").get("@value").asString())
                .isEqualTo("2026-03-12T20:05:00Z");
        assertThat(facet(nodes.get(id("kb:report%3AR-7KQ2-TEST-message-1", MESSAGE)), "uco-observable:MessageFacet")
                        .has("uco-observable:sentTime"))
                .isFalse();
    }

    @Test
    void everyIdIsUniqueAndEveryReferenceResolves() {
        JsonNode root = parse(new Summaries());
        List<String> ids = new ArrayList<>();
        Set<String> references = new HashSet<>();
        collect(root.get("@graph"), ids, references);

        assertThat(ids).doesNotHaveDuplicates();
        assertThat(ids).allMatch(id -> id.startsWith("kb:"));
        assertThat(new HashSet<>(ids)).containsAll(references);
        JsonNode bundle = root.get("@graph").get(0);
        Set<String> bundled = new HashSet<>();
        bundle.get("uco-core:object").forEach(ref -> bundled.add(ref.get("@id").asString()));
        Set<String> topLevel = new HashSet<>(nodes(root).keySet());
        topLevel.remove(bundle.get("@id").asString());
        assertThat(bundled).isEqualTo(topLevel);
    }

    @Test
    void identicalInputGivesIdenticalBytes() {
        byte[] first = PackageDocuments.caseJsonLd(new Summaries().build());
        Summaries other = new Summaries();
        other.treeSize = 43;

        assertThat(PackageDocuments.caseJsonLd(new Summaries().build())).isEqualTo(first);
        assertThat(PackageDocuments.caseJsonLd(other.build())).isNotEqualTo(first);
    }

    @Test
    void hostileTextStaysValidJsonAndValidXsdStrings() {
        Summaries summaries = new Summaries();
        String hostile =
                "<script>alert(1)</script>\u0000\u001b \"quoted\" \\ \uD83D\uDE00 \u0645\u0631\u062D\u0628\u0627 "
                        + "\u4F60\u597D \uD800 \u202Eabc";
        summaries.description = hostile;
        summaries.instance = "inst ance/\u00e9";
        summaries.messages.add(new Message(4, hostile, hostile, hostile, hostile));
        summaries.accounts.add(new ExportSummary.Account(hostile, hostile, hostile, hostile));

        byte[] bytes = PackageDocuments.caseJsonLd(summaries.build());
        JsonNode root = JSON.readTree(bytes);
        String expected =
                "<script>alert(1)</script>\uFFFD\uFFFD \"quoted\" \\ \uD83D\uDE00 \u0645\u0631\u062D\u0628\u0627 "
                        + "\u4F60\u597D \uFFFD \u202Eabc";

        assertThat(new String(bytes, StandardCharsets.UTF_8)).doesNotContain("\\u0000");
        assertThat(nodes(root)
                        .get(id(
                                summaries.instance,
                                "kb:report%3AR-7KQ2-TEST-provenance-record",
                                "case-investigation:ProvenanceRecord"))
                        .get("uco-core:description")
                        .asString())
                .isEqualTo(expected);
        assertThat(root.get("@context").get("kb").asString()).isEqualTo("urn:filet:inst%20ance%2F%C3%A9:");
        assertThat(nodes(root).keySet()).allMatch(id -> id.matches("kb:[A-Za-z0-9._~%-]+"));
    }

    private static final String INVESTIGATIVE_ACTION = "case-investigation:InvestigativeAction";
    private static final String MESSAGE = "uco-observable:Message";

    /** The IRI the graph gives a node of this key and type ({@code kb:<type>-<UUID v5>}). */
    private static String id(String key, String type) {
        return id(new Summaries().instance, key, type);
    }

    private static String id(String instance, String key, String type) {
        String iri = new CaseGraph("urn:test:", instance).iri(key, type);
        assertThat(iri).matches("kb:[a-z-]+-[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        return iri;
    }

    private static JsonNode parse(Summaries summaries) {
        return JSON.readTree(PackageDocuments.caseJsonLd(summaries.build()));
    }

    private static Map<String, JsonNode> nodes(JsonNode root) {
        Map<String, JsonNode> nodes = new LinkedHashMap<>();
        root.get("@graph").forEach(node -> nodes.put(node.get("@id").asString(), node));
        return nodes;
    }

    private static JsonNode facet(JsonNode node, String type) {
        for (JsonNode facet : node.get("uco-core:hasFacet")) {
            if (facet.get("@type").asString().equals(type)) {
                return facet;
            }
        }
        throw new AssertionError("no " + type + " on " + node.get("@id"));
    }

    private static List<String> hashesOf(Map<String, JsonNode> nodes, JsonNode references) {
        List<String> hashes = new ArrayList<>();
        if (references == null) {
            return hashes;
        }
        for (JsonNode ref : references) {
            JsonNode content = facet(nodes.get(ref.get("@id").asString()), "uco-observable:ContentDataFacet");
            hashes.add(content.get("uco-observable:hash")
                    .get(0)
                    .get("uco-types:hashValue")
                    .get("@value")
                    .asString());
        }
        return hashes;
    }

    /** Ids of every node (nested facets and hashes too) and every {@code {"@id"}}-only reference. */
    private static void collect(JsonNode node, List<String> ids, Set<String> references) {
        if (node.isArray()) {
            node.forEach(child -> collect(child, ids, references));
        } else if (node.isObject()) {
            if (node.has("@id") && node.size() == 1) {
                references.add(node.get("@id").asString());
            } else if (node.has("@id")) {
                ids.add(node.get("@id").asString());
            }
            node.forEach(child -> collect(child, ids, references));
        }
    }
}
