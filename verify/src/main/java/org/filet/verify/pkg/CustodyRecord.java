package org.filet.verify.pkg;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.filet.verify.Hex;
import org.filet.verify.custody.CustodyEntry;
import org.filet.verify.custody.InvalidCustodyEntry;
import org.filet.verify.json.Json;
import org.filet.verify.json.JsonException;
import org.filet.verify.json.JsonFields;
import org.filet.verify.merkle.InclusionProof;
import org.filet.verify.merkle.MerkleLog;

/**
 * One line of {@code custody.jsonl}: a ledger entry, its leaf index and its inclusion proof in the tree of the
 * package's signed head. Canonical JSON {@code {"entry":{…},"leaf_index":n,"proof":["<hex>",…]}} plus {@code \n}.
 */
public record CustodyRecord(long leafIndex, CustodyEntry entry, InclusionProof proof) {
    private static final Set<String> MEMBERS = Set.of("entry", "leaf_index", "proof");

    public CustodyRecord {
        if (proof.leafIndex() != leafIndex) {
            throw new IllegalArgumentException(
                    "custody record: proof is for leaf " + proof.leafIndex() + ", not " + leafIndex);
        }
    }

    /** The record for leaf {@code leafIndex} of {@code log}, proved in the tree of {@code treeSize} leaves. */
    public static CustodyRecord of(MerkleLog log, long leafIndex, CustodyEntry entry, long treeSize) {
        return new CustodyRecord(leafIndex, entry, log.inclusionProof(leafIndex, treeSize));
    }

    /** The line, including its final {@code \n}. */
    public byte[] encodeLine() {
        List<Object> path = new ArrayList<>();
        for (byte[] h : proof.path()) {
            path.add(Hex.encode(h));
        }
        String json =
                Json.canonicalString(Json.object("entry", entry.toJson(), "leaf_index", leafIndex, "proof", path));
        return (json + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Parses one line (without its {@code \n}) given the tree size of the signed head. Returns the record; the
     * proof is not checked here.
     */
    public static CustodyRecord decodeLine(byte[] line, long treeSize) throws JsonException {
        JsonFields f = JsonFields.of("custody line", Json.parseCanonical(line)).only(MEMBERS);
        long index = f.integer("leaf_index");
        if (index < 0 || index >= treeSize) {
            throw new JsonException(
                    "custody line: leaf_index " + index + " outside the signed tree of size " + treeSize);
        }
        CustodyEntry entry;
        try {
            entry = CustodyEntry.fromJson(f.value("entry"));
        } catch (InvalidCustodyEntry e) {
            throw new JsonException(e.getMessage());
        }
        List<?> raw = f.array("proof");
        List<byte[]> path = new ArrayList<>(raw.size());
        for (Object o : raw) {
            if (!(o instanceof String s) || !Hex.isSha256(s)) {
                throw new JsonException("custody line: proof elements must be 64 lowercase hex digits");
            }
            path.add(Hex.decode(s));
        }
        return new CustodyRecord(index, entry, new InclusionProof(index, treeSize, path));
    }
}
