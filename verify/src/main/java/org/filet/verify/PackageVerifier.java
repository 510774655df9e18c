package org.filet.verify;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.filet.verify.json.JsonException;
import org.filet.verify.pkg.Manifest;
import org.filet.verify.pkg.ManifestFile;
import org.filet.verify.pkg.PackageLayout;
import org.filet.verify.pkg.SealChecks;
import org.filet.verify.pkg.ZipEntries;
import org.filet.verify.sth.LedgerPublicKey;

/**
 * Verifies a sealed evidence package offline (docs/evidence-package.md): every file against the manifest and
 * {@code SHA256SUMS}, the manifest and every original or derived file against the custody entries that recorded
 * them, each entry's inclusion proof against the signed tree head, the head's Ed25519 signature, and the RFC 3161
 * timestamp when present.
 *
 * <p>Guarantees: the package is treated as hostile input (bounded sizes and entry counts, no path is ever written to
 * disk); a report is always returned, listing every failed check rather than stopping at the first.
 */
public final class PackageVerifier {
    /**
     * @param trustedKey     when set, the package's {@code public-key.pem} must be this key
     * @param requireTimestamp when true, a missing {@code timestamp.tsr} is a failure
     */
    public record Options(LedgerPublicKey trustedKey, boolean requireTimestamp) {
        public static Options defaults() {
            return new Options(null, false);
        }
    }

    private PackageVerifier() {}

    public static VerificationReport verify(Path zip) {
        return verify(zip, Options.defaults());
    }

    public static VerificationReport verify(Path zip, Options options) {
        List<Finding> findings = new ArrayList<>();
        Map<String, Object> facts = new LinkedHashMap<>();
        ZipEntries.Result read;
        try {
            read = ZipEntries.read(zip);
        } catch (ZipEntries.Unreadable e) {
            findings.add(new Finding("package.unreadable", "", e.getMessage()));
            return new VerificationReport(VerificationReport.Outcome.UNREADABLE, findings, facts);
        }
        findings.addAll(read.findings());
        Map<String, ZipEntries.Entry> entries = read.entries();
        for (String required : List.of(
                PackageLayout.MANIFEST,
                PackageLayout.CUSTODY,
                PackageLayout.STH,
                PackageLayout.PUBLIC_KEY,
                PackageLayout.SUMS)) {
            if (!entries.containsKey(required)) {
                findings.add(new Finding("package.missing", required, "required file is missing"));
            }
        }
        if (options.requireTimestamp() && !entries.containsKey(PackageLayout.TIMESTAMP)) {
            findings.add(new Finding("timestamp.missing", PackageLayout.TIMESTAMP, "a timestamp was required"));
        }
        Manifest manifest = checkFiles(entries, findings, facts);
        checkSums(entries, findings);
        if (entries.containsKey(PackageLayout.MANIFEST)
                && entries.containsKey(PackageLayout.CUSTODY)
                && entries.containsKey(PackageLayout.STH)
                && entries.containsKey(PackageLayout.PUBLIC_KEY)) {
            ZipEntries.Entry tsr = entries.get(PackageLayout.TIMESTAMP);
            SealChecks.run(
                    new SealChecks.Input(
                            bytes(entries, PackageLayout.MANIFEST),
                            manifest,
                            bytes(entries, PackageLayout.CUSTODY),
                            bytes(entries, PackageLayout.STH),
                            bytes(entries, PackageLayout.PUBLIC_KEY),
                            tsr == null ? null : tsr.bytes(),
                            options.trustedKey()),
                    findings,
                    facts);
        }
        facts.put("checked", checked(entries));
        return new VerificationReport(
                findings.isEmpty() ? VerificationReport.Outcome.VALID : VerificationReport.Outcome.INVALID,
                findings,
                facts);
    }

    /**
     * What was checked, for the report: {@code files}, {@code sums}, {@code ledger_proofs}, {@code signature}, and
     * {@code timestamp} only when the package carries one (a package without a timestamp is never said to have one).
     */
    private static List<Object> checked(Map<String, ZipEntries.Entry> entries) {
        List<Object> checked = new ArrayList<>(List.of("files", "sums", "ledger_proofs", "signature"));
        if (entries.containsKey(PackageLayout.TIMESTAMP)) {
            checked.add("timestamp");
        }
        return checked;
    }

    private static byte[] bytes(Map<String, ZipEntries.Entry> entries, String name) {
        return entries.get(name).bytes();
    }

    private static Manifest checkFiles(
            Map<String, ZipEntries.Entry> entries, List<Finding> findings, Map<String, Object> facts) {
        ZipEntries.Entry m = entries.get(PackageLayout.MANIFEST);
        if (m == null) {
            return null;
        }
        Manifest manifest;
        try {
            manifest = Manifest.decode(m.bytes());
        } catch (JsonException e) {
            findings.add(new Finding("manifest.invalid", PackageLayout.MANIFEST, e.getMessage()));
            return null;
        }
        long bytes = 0;
        for (ManifestFile f : manifest.files()) {
            ZipEntries.Entry e = entries.get(f.path());
            if (e == null) {
                findings.add(new Finding("file.missing", f.path(), "listed in the manifest but not in the package"));
                continue;
            }
            if (e.size() != f.size()) {
                findings.add(new Finding("file.size", f.path(), "expected " + f.size() + " bytes, found " + e.size()));
            }
            if (!e.sha256().equals(f.sha256())) {
                findings.add(
                        new Finding("file.sha256", f.path(), "expected " + f.sha256() + ", computed " + e.sha256()));
            }
            bytes += e.size();
        }
        java.util.Set<String> hashes = new java.util.HashSet<>();
        manifest.files().forEach(f -> hashes.add(f.sha256()));
        for (ManifestFile f : manifest.files()) {
            if (f.derivedFrom() != null && !hashes.contains(f.derivedFrom())) {
                findings.add(new Finding(
                        "file.derived_from",
                        f.path(),
                        "derived from " + f.derivedFrom() + ", which is not in the package"));
            }
        }
        Map<String, ManifestFile> listed = manifest.byPath();
        for (String name : entries.keySet()) {
            if (!listed.containsKey(name) && !PackageLayout.SEAL_FILES.contains(name)) {
                findings.add(new Finding("file.unlisted", name, "in the package but not in the manifest"));
            }
        }
        facts.put("instance", manifest.instance());
        facts.put("subject", manifest.subject());
        facts.put("files", (long) manifest.files().size());
        facts.put("file_bytes", bytes);
        return manifest;
    }

    private static void checkSums(Map<String, ZipEntries.Entry> entries, List<Finding> findings) {
        ZipEntries.Entry sums = entries.get(PackageLayout.SUMS);
        if (sums == null) {
            return;
        }
        String expected = sumsFile(entries.values());
        String actual = new String(sums.bytes(), StandardCharsets.UTF_8);
        if (expected.equals(actual)) {
            return;
        }
        Map<String, String> listed = new LinkedHashMap<>();
        for (String line : actual.split("\n", -1)) {
            if (line.length() > 66 && line.charAt(64) == ' ' && line.charAt(65) == ' ') {
                listed.put(line.substring(66), line.substring(0, 64));
            }
        }
        boolean named = false;
        for (ZipEntries.Entry e : entries.values()) {
            if (e.name().equals(PackageLayout.SUMS)) {
                continue;
            }
            String h = listed.get(e.name());
            if (h == null) {
                findings.add(new Finding("sums.missing", e.name(), "not listed in " + PackageLayout.SUMS));
                named = true;
            } else if (!h.equals(e.sha256())) {
                findings.add(new Finding(
                        "sums.sha256",
                        e.name(),
                        PackageLayout.SUMS + " says " + ZipEntries.safeName(h) + ", computed " + e.sha256()));
                named = true;
            }
        }
        if (!named) {
            findings.add(new Finding(
                    "sums.invalid",
                    PackageLayout.SUMS,
                    "not exactly one '<sha256>  <path>' line" + " per file in package order"));
        }
    }

    /** The {@code SHA256SUMS} text for these entries (all but SHA256SUMS itself, in package order). */
    static String sumsFile(Iterable<ZipEntries.Entry> entries) {
        StringBuilder sb = new StringBuilder();
        for (ZipEntries.Entry e : entries) {
            if (!e.name().equals(PackageLayout.SUMS)) {
                sb.append(e.sha256()).append("  ").append(e.name()).append('\n');
            }
        }
        return sb.toString();
    }
}
