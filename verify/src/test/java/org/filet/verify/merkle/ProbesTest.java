package org.filet.verify.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.filet.verify.Hex;
import org.filet.verify.json.Json;
import org.filet.verify.json.JsonFields;
import org.junit.jupiter.api.Test;

/** Runs every probe under testdata/ledger and reports all mismatches together (transparency-dev/merkle style). */
class ProbesTest {
    private static Path probes() throws Exception {
        return Path.of(ProbesTest.class.getResource("/testdata/ledger").toURI());
    }

    @Test
    void everyProbeGivesItsExpectedOutcome() throws Exception {
        List<String> wrong = new ArrayList<>();
        int count = 0;
        try (Stream<Path> files = Files.walk(probes())) {
            for (Path p : (Iterable<Path>)
                    files.filter(f -> f.toString().endsWith(".json")).sorted()::iterator) {
                count++;
                JsonFields f = JsonFields.of(p.toString(), Json.parse(Files.readAllBytes(p)));
                boolean wantErr = (Boolean) f.value("want_err");
                boolean gotErr;
                try {
                    if (f.has("leaf_index")) {
                        new InclusionProof(f.integer("leaf_index"), f.integer("tree_size"), hashes(f))
                                .verify(Hex.decode(f.string("leaf_hash")), Hex.decode(f.string("root")));
                    } else {
                        new ConsistencyProof(f.integer("size1"), f.integer("size2"), hashes(f))
                                .verify(Hex.decode(f.string("root1")), Hex.decode(f.string("root2")));
                    }
                    gotErr = false;
                } catch (ProofException | IllegalArgumentException e) {
                    gotErr = true;
                }
                if (gotErr != wantErr) {
                    wrong.add(probes().relativize(p)
                            + (wantErr ? " verified but should fail" : " failed but should verify"));
                }
            }
        }
        assertThat(count).isGreaterThan(50);
        assertThat(wrong).isEmpty();
    }

    private static List<byte[]> hashes(JsonFields f) throws Exception {
        List<byte[]> out = new ArrayList<>();
        for (Object o : f.array("proof")) {
            out.add(Hex.decode((String) o));
        }
        return out;
    }
}
