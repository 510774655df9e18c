package org.filet.seal;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.filet.verify.Finding;
import org.filet.verify.Hex;
import org.filet.verify.Sha256;
import org.filet.verify.Times;
import org.filet.verify.pkg.CustodyRecord;
import org.filet.verify.pkg.Manifest;
import org.filet.verify.pkg.ManifestFile;
import org.filet.verify.pkg.PackageLayout;
import org.filet.verify.pkg.SealChecks;
import org.filet.verify.sth.LedgerPublicKey;
import org.filet.verify.sth.SignedTreeHead;

/**
 * Writes a sealed evidence package (docs/evidence-package.md) as a ZIP stream, in two phases:
 *
 * <ol>
 *   <li>add originals (exactly as received), derived files and documents, then {@link #writeManifest()};</li>
 *   <li>the caller appends an {@code exported} custody entry whose outputs include {@link #manifestSha256()}, signs a
 *       tree head covering it, optionally timestamps {@link SignedTreeHead#encoded()}, and calls {@link #seal}.</li>
 * </ol>
 *
 * <p>Guarantees: file bytes are streamed, never buffered whole; a file whose bytes do not hash to the SHA-256 the
 * caller announced fails the call; {@link #seal} runs the verifier's own seal checks first and refuses
 * ({@link PackageSealException}) to seal a package that would not verify. A writer that is closed without sealing
 * leaves an invalid package (no manifest or no signature) that the caller must discard.
 *
 * <p>Not thread-safe. Does not close the underlying stream before {@link #close()}.
 */
public final class SealedPackageWriter implements Closeable {
    private final ZipOutputStream zip;
    private final String instance;
    private final String subject;
    private final Instant createdAt;
    private final List<ManifestFile> files = new ArrayList<>();
    private final Map<String, String> sums = new LinkedHashMap<>();
    private final int contentLevel;
    private byte[] manifest;
    private Manifest parsedManifest;
    private boolean sealed;

    private SealedPackageWriter(OutputStream out, String instance, String subject, Instant createdAt, int level) {
        this.zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        this.instance = instance;
        this.subject = subject;
        this.createdAt = Times.normalise(createdAt);
        this.contentLevel = level;
    }

    /**
     * Starts a package about {@code subject} (e.g. {@code report:R-7KQ2}) from {@code instance}. Evidence files are
     * deflated at the fastest level (media is usually already compressed).
     */
    public static SealedPackageWriter open(OutputStream out, String instance, String subject, Instant createdAt) {
        return new SealedPackageWriter(out, instance, subject, createdAt, Deflater.BEST_SPEED);
    }

    /**
     * Adds an original exactly as received, at {@code files/<sha256>[.ext]} (extension taken from the original name
     * when it is short and alphanumeric). Requires {@code sha256} to be the content's SHA-256 (lowercase hex).
     */
    public ManifestFile addOriginal(
            String sha256, String originalName, String mediaType, Instant receivedAt, InputStream content)
            throws IOException {
        String path = PackageLayout.ORIGINALS_DIR + sha256 + extension(originalName);
        return add(path, ManifestFile.Role.ORIGINAL, sha256, mediaType, originalName, null, receivedAt, content);
    }

    /** Adds a derived artefact (thumbnail, transcript, parsed chat…) at {@code derived/<sha256>[.ext]}. */
    public ManifestFile addDerived(
            String sha256, String mediaType, String extension, Instant createdAt, InputStream content)
            throws IOException {
        return addDerived(sha256, null, mediaType, extension, createdAt, content);
    }

    /**
     * Adds a derived file naming the file it was derived from by SHA-256 ({@code derived_from} in the manifest; that
     * file must be in the package too, and a custody entry must show the derivation).
     */
    public ManifestFile addDerived(
            String sha256,
            String derivedFrom,
            String mediaType,
            String extension,
            Instant createdAt,
            InputStream content)
            throws IOException {
        String path = PackageLayout.DERIVED_DIR + sha256 + extension(extension == null ? null : "x." + extension);
        return add(path, ManifestFile.Role.DERIVED, sha256, mediaType, null, derivedFrom, createdAt, content);
    }

    /** Adds a top-level document such as {@code case.jsonld} or {@code report.pdf}; its hash is computed here. */
    public ManifestFile addDocument(String name, String mediaType, Instant createdAt, byte[] content)
            throws IOException {
        return add(
                name,
                ManifestFile.Role.DOCUMENT,
                Sha256.hex(content),
                mediaType,
                null,
                null,
                createdAt,
                new java.io.ByteArrayInputStream(content));
    }

    private ManifestFile add(
            String path,
            ManifestFile.Role role,
            String sha256,
            String mediaType,
            String originalName,
            String derivedFrom,
            Instant at,
            InputStream content)
            throws IOException {
        if (manifest != null) {
            throw new IllegalStateException("the manifest is written; no more files can be added");
        }
        if (sums.containsKey(path)) {
            throw new IllegalArgumentException("already in the package: " + path);
        }
        // validates path, hash, media type and name before anything is written
        new ManifestFile(path, role, sha256, 0, mediaType, originalName, at, derivedFrom);
        ZipEntry ze = new ZipEntry(path);
        ze.setTime(createdAt.toEpochMilli());
        zip.setLevel(contentLevel);
        zip.putNextEntry(ze);
        MessageDigest md = Sha256.newDigest();
        byte[] buf = new byte[1 << 16];
        long size = 0;
        int n;
        while ((n = content.read(buf)) > 0) {
            md.update(buf, 0, n);
            zip.write(buf, 0, n);
            size += n;
        }
        zip.closeEntry();
        String computed = Hex.encode(md.digest());
        if (!computed.equals(sha256)) {
            throw new IOException(path + ": content hashes to " + computed + ", not the announced " + sha256);
        }
        ManifestFile f = new ManifestFile(path, role, sha256, size, mediaType, originalName, at, derivedFrom);
        files.add(f);
        sums.put(path, sha256);
        return f;
    }

    /** Writes {@code manifest.json} and returns its bytes; phase 1 ends here. */
    public byte[] writeManifest() throws IOException {
        if (manifest != null) {
            throw new IllegalStateException("manifest already written");
        }
        parsedManifest = new Manifest(instance, subject, createdAt, files);
        manifest = parsedManifest.encode();
        writeSmall(PackageLayout.MANIFEST, manifest);
        return manifest.clone();
    }

    /** SHA-256 (hex) of {@code manifest.json}: the output the caller's {@code exported} custody entry must list. */
    public String manifestSha256() {
        if (manifest == null) {
            throw new IllegalStateException("write the manifest first");
        }
        return Sha256.hex(manifest);
    }

    /**
     * Writes the ledger evidence and {@code SHA256SUMS}, after checking that it verifies.
     *
     * @param custody          the entries about these files (at least the {@code exported} entry for the manifest
     *                         and one entry per original and derived file), each proved in {@code sth}'s tree
     * @param sth              the signed tree head the proofs lead to
     * @param key              the public key that verifies {@code sth}
     * @param timestampReply   an RFC 3161 reply over {@code sth.encoded()} in normal form
     *                         ({@link org.filet.seal.TimestampRequests#acceptReply}), or null
     */
    public void seal(List<CustodyRecord> custody, SignedTreeHead sth, LedgerPublicKey key, byte[] timestampReply)
            throws IOException, PackageSealException {
        if (manifest == null) {
            throw new IllegalStateException("write the manifest first");
        }
        if (sealed) {
            throw new IllegalStateException("already sealed");
        }
        byte[] custodyBytes = SealChecks.custodyFile(custody);
        byte[] sthBytes = sth.encoded();
        byte[] keyBytes = key.toPem().getBytes(StandardCharsets.US_ASCII);
        List<Finding> findings = new ArrayList<>();
        SealChecks.run(
                new SealChecks.Input(manifest, parsedManifest, custodyBytes, sthBytes, keyBytes, timestampReply, null),
                findings,
                new LinkedHashMap<>());
        if (!findings.isEmpty()) {
            throw new PackageSealException(findings);
        }
        writeSmall(PackageLayout.CUSTODY, custodyBytes);
        writeSmall(PackageLayout.STH, sthBytes);
        writeSmall(PackageLayout.PUBLIC_KEY, keyBytes);
        if (timestampReply != null) {
            writeSmall(PackageLayout.TIMESTAMP, timestampReply);
        }
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : sums.entrySet()) {
            sb.append(e.getValue()).append("  ").append(e.getKey()).append('\n');
        }
        ZipEntry ze = new ZipEntry(PackageLayout.SUMS);
        ze.setTime(createdAt.toEpochMilli());
        zip.setLevel(Deflater.DEFAULT_COMPRESSION);
        zip.putNextEntry(ze);
        zip.write(sb.toString().getBytes(StandardCharsets.US_ASCII));
        zip.closeEntry();
        zip.finish();
        sealed = true;
    }

    private void writeSmall(String name, byte[] bytes) throws IOException {
        ZipEntry ze = new ZipEntry(name);
        ze.setTime(createdAt.toEpochMilli());
        zip.setLevel(Deflater.DEFAULT_COMPRESSION);
        zip.putNextEntry(ze);
        zip.write(bytes);
        zip.closeEntry();
        sums.put(name, Sha256.hex(bytes));
    }

    public boolean isSealed() {
        return sealed;
    }

    /** Finishes the ZIP stream and closes the underlying stream. */
    @Override
    public void close() throws IOException {
        zip.close();
    }

    private static String extension(String name) {
        if (name == null) {
            return "";
        }
        int dot = name.lastIndexOf('.');
        if (dot < 0 || dot == name.length() - 1) {
            return "";
        }
        String ext = name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return ext.length() <= 10 && ext.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
                ? "." + ext
                : "";
    }
}
