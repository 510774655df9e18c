package org.filet.verify.merkle;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.filet.verify.Hex;
import org.filet.verify.json.Json;

/**
 * Writes the language-neutral proof probes under {@code src/test/resources/testdata/ledger/} from the recursive
 * RFC 9162 reference (never from the code under test): one folder per (index, size) or (size1, size2), one JSON file
 * per mutation, named after it. Run by hand: {@code java -cp … org.filet.verify.merkle.ProbeGenerator <dir>}.
 */
public final class ProbeGenerator {
    private ProbeGenerator() {}

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        List<byte[]> d = ReferenceMerkle.entries(100);
        for (int[] c : new int[][] {{0, 1}, {2, 7}, {5, 8}, {12, 13}, {63, 100}}) {
            int m = c[0];
            int n = c[1];
            List<byte[]> tree = d.subList(0, n);
            String rootHex = Hex.encode(ReferenceMerkle.mth(tree));
            String leaf = Hex.encode(ReferenceMerkle.sha256(new byte[] {0}, d.get(m)));
            List<String> proof = hex(ReferenceMerkle.path(m, tree));
            Path dir = root.resolve("inclusion/" + m + "-" + n);
            write(dir, "happy-path", incl("valid proof", m, n, leaf, rootHex, proof, false));
            write(dir, "leaf-index-plus-1", incl("wrong index", m + 1, n, leaf, rootHex, proof, true));
            write(dir, "tree-size-times-2", incl("wrong size", m, 2 * n, leaf, rootHex, proof, true));
            write(
                    dir,
                    "wrong-leaf",
                    incl(
                            "another leaf",
                            m,
                            n,
                            Hex.encode(
                                    ReferenceMerkle.sha256(new byte[] {0}, "other".getBytes(StandardCharsets.UTF_8))),
                            rootHex,
                            proof,
                            true));
            write(dir, "trailing-garbage", incl("extra hash", m, n, leaf, rootHex, plus(proof, rootHex), true));
            write(
                    dir,
                    "preceding-root",
                    incl("root prepended", m, n, leaf, rootHex, plus(List.of(rootHex), proof), true));
            for (int i = 0; i < proof.size(); i++) {
                write(
                        dir,
                        "modified-proof[" + i + "]-bit-3",
                        incl("flipped bit", m, n, leaf, rootHex, flip(proof, i), true));
            }
        }
        for (int[] c : new int[][] {{1, 1}, {3, 7}, {4, 8}, {13, 64}, {37, 100}}) {
            int m = c[0];
            int n = c[1];
            String r1 = Hex.encode(ReferenceMerkle.mth(d.subList(0, m)));
            String r2 = Hex.encode(ReferenceMerkle.mth(d.subList(0, n)));
            List<String> proof = hex(ReferenceMerkle.proof(m, d.subList(0, n)));
            Path dir = root.resolve("consistency/" + m + "-" + n);
            write(dir, "happy-path", cons("valid proof", m, n, r1, r2, proof, false));
            write(dir, "swapped-roots", cons("roots swapped", m, n, r2, r1, proof, !r1.equals(r2)));
            write(dir, "size1-plus-1", cons("wrong first size", m + 1, n, r1, r2, proof, true));
            write(dir, "trailing-garbage", cons("extra hash", m, n, r1, r2, plus(proof, r2), true));
            for (int i = 0; i < proof.size(); i++) {
                write(dir, "modified-proof[" + i + "]-bit-3", cons("flipped bit", m, n, r1, r2, flip(proof, i), true));
            }
        }
    }

    private static Object incl(String desc, long m, long n, String leaf, String root, List<String> proof, boolean err) {
        return Json.object(
                "desc",
                desc,
                "leaf_index",
                m,
                "tree_size",
                n,
                "leaf_hash",
                leaf,
                "root",
                root,
                "proof",
                proof,
                "want_err",
                err);
    }

    private static Object cons(String desc, long m, long n, String r1, String r2, List<String> proof, boolean err) {
        return Json.object(
                "desc", desc, "size1", m, "size2", n, "root1", r1, "root2", r2, "proof", proof, "want_err", err);
    }

    private static List<String> hex(List<byte[]> l) {
        List<String> out = new ArrayList<>();
        for (byte[] b : l) {
            out.add(Hex.encode(b));
        }
        return out;
    }

    private static List<String> plus(List<String> a, Object b) {
        List<String> out = new ArrayList<>(a);
        if (b instanceof String s) {
            out.add(s);
        } else {
            @SuppressWarnings("unchecked")
            List<String> more = (List<String>) b;
            out.addAll(more);
        }
        return out;
    }

    private static List<String> flip(List<String> proof, int i) {
        List<String> out = new ArrayList<>(proof);
        byte[] h = Hex.decode(out.get(i));
        h[0] ^= 1 << 3;
        out.set(i, Hex.encode(h));
        return out;
    }

    private static void write(Path dir, String name, Object probe) throws Exception {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(name + ".json"), Json.canonicalString(probe) + "\n", StandardCharsets.UTF_8);
    }
}
