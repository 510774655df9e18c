package org.filet.verify.pkg;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.filet.verify.Finding;
import org.filet.verify.Hex;
import org.filet.verify.Sha256;
import org.filet.verify.custody.CustodyAction;
import org.filet.verify.json.JsonException;
import org.filet.verify.merkle.ProofException;
import org.filet.verify.sth.LedgerPublicKey;
import org.filet.verify.sth.SignedTreeHead;
import org.filet.verify.sth.TreeHeadException;

/**
 * The checks that bind a package's manifest to the ledger: public key, signed head, every custody line and its
 * inclusion proof, the export entry that recorded the manifest, the entries that recorded each file, and the
 * optional RFC 3161 timestamp over {@code sth.json}. Run by the verifier on what it read and by the writer on what it
 * is about to write, so the two cannot disagree.
 */
public final class SealChecks {
    /** Inputs: the raw bytes of each seal file ({@code timestamp} may be null) and an optional pinned key. */
    public record Input(
            byte[] manifest,
            Manifest parsedManifest,
            byte[] custody,
            byte[] sth,
            byte[] publicKey,
            byte[] timestamp,
            LedgerPublicKey trustedKey) {}

    private SealChecks() {}

    /** Adds a finding per failed check and a fact per established value. */
    public static void run(Input in, List<Finding> findings, Map<String, Object> facts) {
        LedgerPublicKey key = null;
        try {
            key = LedgerPublicKey.fromPem(new String(in.publicKey(), StandardCharsets.US_ASCII));
            facts.put("key_sha256", key.fingerprint());
            if (in.trustedKey() != null && !in.trustedKey().equals(key)) {
                findings.add(new Finding(
                        "key.untrusted",
                        PackageLayout.PUBLIC_KEY,
                        "package key " + key.fingerprint() + " is not the trusted key "
                                + in.trustedKey().fingerprint()));
            }
        } catch (TreeHeadException e) {
            findings.add(new Finding("key.invalid", PackageLayout.PUBLIC_KEY, e.getMessage()));
        }
        SignedTreeHead sth = null;
        try {
            sth = SignedTreeHead.decode(in.sth());
            facts.put("origin", sth.origin());
            facts.put("tree_size", sth.treeSize());
            facts.put("root_hash", Hex.encode(sth.rootHash()));
            facts.put("head_time", sth.timestamp().toString());
            if (key != null) {
                sth.verify(key);
            }
        } catch (TreeHeadException e) {
            findings.add(new Finding(sth == null ? "sth.invalid" : "sth.signature", PackageLayout.STH, e.getMessage()));
        }
        if (in.timestamp() != null) {
            checkTimestamp(in, findings, facts);
        } else {
            facts.put("timestamp", "none");
        }
        if (sth == null) {
            findings.add(new Finding(
                    "custody.unchecked",
                    PackageLayout.CUSTODY,
                    "custody proofs cannot be checked without a valid sth.json"));
            return;
        }
        Set<String> recorded = new HashSet<>();
        Set<String> exported = new HashSet<>();
        Set<String> derivations = new HashSet<>();
        checkCustody(in.custody(), sth, findings, recorded, exported, derivations);
        String manifestSha = Sha256.hex(in.manifest());
        facts.put("manifest_sha256", manifestSha);
        if (!exported.contains(manifestSha)) {
            findings.add(new Finding(
                    "manifest.not_in_ledger",
                    PackageLayout.MANIFEST,
                    "no proven custody entry with" + " action exported has output " + manifestSha
                            + " (the manifest's SHA-256)"));
        }
        if (in.parsedManifest() != null) {
            for (ManifestFile f : in.parsedManifest().files()) {
                if (f.role() != ManifestFile.Role.DOCUMENT && !recorded.contains(f.sha256())) {
                    findings.add(new Finding(
                            "file.not_in_ledger", f.path(), "no proven custody entry has output " + f.sha256()));
                }
                if (f.derivedFrom() != null && !derivations.contains(f.derivedFrom() + ">" + f.sha256())) {
                    findings.add(new Finding(
                            "file.derivation_not_in_ledger",
                            f.path(),
                            "no proven custody entry has" + " input " + f.derivedFrom() + " and output " + f.sha256()));
                }
            }
        }
    }

    private static void checkTimestamp(Input in, List<Finding> findings, Map<String, Object> facts) {
        try {
            // loaded only here, so packages without a timestamp never load BouncyCastle
            var info = org.filet.verify.tsp.TimestampVerifier.verify(in.timestamp(), in.sth());
            facts.put("timestamp", info.genTime().toString());
            facts.put("tsa_subject", info.tsaSubject());
            facts.put("tsa_certificate_sha256", info.tsaCertificateSha256());
        } catch (org.filet.verify.tsp.TimestampException e) {
            findings.add(new Finding("timestamp.invalid", PackageLayout.TIMESTAMP, e.getMessage()));
        }
    }

    private static void checkCustody(
            byte[] custody,
            SignedTreeHead sth,
            List<Finding> findings,
            Set<String> recorded,
            Set<String> exported,
            Set<String> derivations) {
        if (custody.length == 0 || custody[custody.length - 1] != '\n') {
            findings.add(new Finding("custody.invalid", PackageLayout.CUSTODY, "empty, or last line lacks \\n"));
            if (custody.length == 0) {
                return;
            }
        }
        byte[] root = sth.rootHash();
        long lastIndex = -1;
        int start = 0;
        int lineNo = 0;
        for (int i = 0; i <= custody.length; i++) {
            if (i < custody.length && custody[i] != '\n') {
                continue;
            }
            if (i == custody.length && start == custody.length) {
                break;
            }
            lineNo++;
            String where = PackageLayout.CUSTODY + ":" + lineNo;
            byte[] line = Arrays.copyOfRange(custody, start, i);
            start = i + 1;
            CustodyRecord rec;
            try {
                rec = CustodyRecord.decodeLine(line, sth.treeSize());
            } catch (JsonException | IllegalArgumentException e) {
                findings.add(new Finding("custody.invalid", where, e.getMessage()));
                continue;
            }
            if (rec.leafIndex() <= lastIndex) {
                findings.add(new Finding(
                        "custody.order",
                        where,
                        "leaf_index " + rec.leafIndex() + " does not increase (previous " + lastIndex + ")"));
            }
            lastIndex = Math.max(lastIndex, rec.leafIndex());
            try {
                rec.proof().verify(rec.entry().leafHash(), root);
            } catch (ProofException e) {
                findings.add(new Finding("custody.proof", where, e.getMessage()));
                continue;
            }
            recorded.addAll(rec.entry().outputs());
            for (String input : rec.entry().inputs()) {
                for (String output : rec.entry().outputs()) {
                    derivations.add(input + ">" + output);
                }
            }
            if (rec.entry().action() == CustodyAction.EXPORTED) {
                exported.addAll(rec.entry().outputs());
            }
        }
    }

    /** Custody records as the file {@code custody.jsonl}: lines in increasing leaf order. */
    public static byte[] custodyFile(List<CustodyRecord> records) {
        List<CustodyRecord> sorted = new ArrayList<>(records);
        sorted.sort((a, b) -> Long.compare(a.leafIndex(), b.leafIndex()));
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (CustodyRecord r : sorted) {
            out.writeBytes(r.encodeLine());
        }
        return out.toByteArray();
    }
}
