package org.filet.verify.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A table of subtrees fed only by {@link Subtree#completedBy} answers the same proofs as the RFC reference. */
class SubtreeTest {
    @Test
    void aMapBackedNodeSourceGivesReferenceRootsAndProofs() throws Exception {
        Map<String, byte[]> table = new HashMap<>();
        NodeSource src = (level, index) -> table.get(level + "/" + index);
        List<byte[]> d = ReferenceMerkle.entries(100);
        int rows = 0;
        for (int i = 0; i < d.size(); i++) {
            for (Subtree s : Subtree.completedBy(i, Rfc9162.leafHash(d.get(i)), src)) {
                table.put(s.level() + "/" + s.index(), s.hash());
                rows++;
            }
            int n = i + 1;
            assertThat(MerkleProofs.root(src, n)).isEqualTo(ReferenceMerkle.mth(d.subList(0, n)));
        }
        assertThat(rows).isEqualTo(2 * 100 - Long.bitCount(100));
        InclusionProof p = MerkleProofs.inclusion(src, 37, 100);
        p.verify(Rfc9162.leafHash(d.get(37)), ReferenceMerkle.mth(d));
        MerkleProofs.consistency(src, 37, 100).verify(ReferenceMerkle.mth(d.subList(0, 37)), ReferenceMerkle.mth(d));
    }
}
