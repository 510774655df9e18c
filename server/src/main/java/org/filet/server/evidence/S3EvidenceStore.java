package org.filet.server.evidence;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.StreamingAead;
import com.google.crypto.tink.streamingaead.PredefinedStreamingAeadParameters;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.filet.verify.Sha256;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedMultipartUpload;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The evidence store in an S3-compatible bucket, encrypted and content-addressed exactly as {@link LocalEvidenceStore}:
 * each object gets its own data key (Tink streaming AES-256-GCM, 1 MiB segments), wrapped by the {@link MasterKey} and
 * bound to the object's address, which stays the SHA-256 of the plaintext. The bucket never sees a plaintext byte.
 *
 * <p>Layout: {@code objects/ab/cd/<sha256>} (ciphertext) and {@code objects/ab/cd/<sha256>.key} (the wrapped data key).
 *
 * <p>Bounded memory: the stream is encrypted to a spool file on the local disk while its plaintext is hashed (the
 * address is only known at the end), then uploaded from that file, in parts of {@code partSize} bytes past that size
 * (multipart upload, each part read from the file as it is sent). No object is ever held in memory whole.
 *
 * <p>Write-once: every write is a conditional put ({@code If-None-Match: *}, also on the completion of a multipart
 * upload), so a store that honours it refuses to replace an object; before it, a {@code HEAD} check skips what the
 * store already holds, which is the only guard on a store that ignores the condition. A store that answers the
 * condition with 501 (not implemented) is written to with the {@code HEAD} check only, and that is logged once. The
 * key object is written before the content; a write that finds a key already there (a concurrent write of the same
 * bytes, or one cut short) adopts that key and re-encrypts under it, so a content object always opens with the key
 * beside it. Rotating the master key rewrites only the key objects.
 */
final class S3EvidenceStore implements EvidenceStore {

    private static final Logger log = LoggerFactory.getLogger(S3EvidenceStore.class);
    static final String PREFIX = "objects/";
    static final long DEFAULT_PART_SIZE = 16L * 1024 * 1024;

    private final S3Client s3;
    private final String bucket;
    private final String where;
    private final Path spool;
    private final long partSize;
    private volatile MasterKey master;
    private volatile boolean conditionalPuts = true;
    /** Objects held by writes not yet committed, with how many writes hold each (guarded by itself). */
    private final Map<String, Integer> held = new HashMap<>();

    S3EvidenceStore(S3Client s3, String bucket, String where, Path spool, MasterKey master, long partSize)
            throws IOException {
        if (partSize < 5L * 1024 * 1024) {
            throw new IllegalArgumentException("S3 parts must be at least 5 MiB, was " + partSize);
        }
        this.s3 = s3;
        this.bucket = bucket;
        this.where = where;
        this.spool = spool;
        this.master = master;
        this.partSize = partSize;
        Files.createDirectories(spool);
    }

    /** Whether the bucket holds objects already (and so needs its existing master key). */
    boolean holdsObjects() {
        try {
            return s3.listObjectsV2(b -> b.bucket(bucket).prefix(PREFIX).maxKeys(1))
                            .keyCount()
                    > 0;
        } catch (SdkException e) {
            throw new IllegalStateException("the evidence bucket " + where + " cannot be read: " + e.getMessage(), e);
        }
    }

    @Override
    public StoredObject put(InputStream content, long maxBytes) throws IOException {
        return store(content, maxBytes, false);
    }

    @Override
    public Pending putPending(InputStream content, long maxBytes) throws IOException {
        StoredObject stored = store(content, maxBytes, true);
        return new Pending() {
            private boolean settled;

            public StoredObject object() {
                return stored;
            }

            public void keep() {
                release(false, s -> true);
            }

            public void discard(Predicate<String> recorded) {
                release(true, recorded);
            }

            private void release(boolean discard, Predicate<String> recorded) {
                synchronized (held) {
                    if (settled) {
                        return;
                    }
                    settled = true;
                    int left = held.merge(stored.sha256(), -1, Integer::sum);
                    if (left > 0) {
                        return;
                    }
                    held.remove(stored.sha256());
                    if (discard && !recorded.test(stored.sha256())) {
                        try {
                            delete(stored.sha256());
                        } catch (IOException | SdkException e) {
                            log.warn(
                                    "an object of a failed intake could not be removed ({}): ledger check will name it",
                                    stored.sha256());
                        }
                    }
                }
            }
        };
    }

    private StoredObject store(InputStream content, long maxBytes, boolean hold) throws IOException {
        Path tmp = Files.createTempFile(spool, "put-", ".part");
        Path reencrypted = null;
        try {
            KeysetHandle dataKey = KeysetHandle.generateNew(PredefinedStreamingAeadParameters.AES256_GCM_HKDF_1MB);
            MessageDigest digest = Sha256.newDigest();
            long size = encrypt(content, maxBytes, dataKey, digest, tmp);
            String sha = HexFormat.of().formatHex(digest.digest());
            boolean counted = false;
            if (hold) {
                synchronized (held) { // a pending discard of the same bytes cannot run after this
                    held.merge(sha, 1, Integer::sum);
                }
                counted = true;
            }
            try {
                if (exists(contentKey(sha))) {
                    return new StoredObject(sha, size); // same bytes already kept: never rewrite
                }
                byte[] wrapped = master.wrap(dataKey, LocalEvidenceStore.addressBytes(sha));
                Path upload = tmp;
                if (!putSmall(keyKey(sha), RequestBody.fromBytes(wrapped), wrapped.length)) {
                    // a key is there already: a concurrent write of the same bytes, or one cut short. Adopt it.
                    KeysetHandle existing = unwrap(sha, readKey(sha));
                    reencrypted = Files.createTempFile(spool, "adopt-", ".part");
                    try (InputStream plain = open(sha, dataKey, Files.newInputStream(tmp))) {
                        encrypt(plain, maxBytes, existing, Sha256.newDigest(), reencrypted);
                    }
                    upload = reencrypted;
                }
                putFile(contentKey(sha), upload);
                return new StoredObject(sha, size);
            } catch (IOException | RuntimeException e) {
                if (counted) {
                    synchronized (held) {
                        if (held.merge(sha, -1, Integer::sum) <= 0) {
                            held.remove(sha);
                        }
                    }
                }
                throw e;
            }
        } catch (GeneralSecurityException e) {
            throw new IOException("evidence could not be encrypted", e);
        } catch (SdkException e) {
            throw new IOException("the evidence bucket " + where + " refused the object: " + e.getMessage(), e);
        } finally {
            Files.deleteIfExists(tmp);
            if (reencrypted != null) {
                Files.deleteIfExists(reencrypted);
            }
        }
    }

    /** Encrypts {@code content} into {@code file} under {@code dataKey}, hashing the plaintext; returns its size. */
    private static long encrypt(
            InputStream content, long maxBytes, KeysetHandle dataKey, MessageDigest digest, Path file)
            throws IOException, GeneralSecurityException {
        StreamingAead aead = dataKey.getPrimitive(RegistryConfiguration.get(), StreamingAead.class);
        try (FileChannel channel =
                        FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
                OutputStream out = new DigestOutputStream(
                        aead.newEncryptingStream(Channels.newOutputStream(channel), LocalEvidenceStore.STREAM_AD),
                        digest)) {
            return LocalEvidenceStore.copyLimited(content, out, maxBytes);
        }
    }

    /** Puts a small object unless one is there; false when the key was already taken. */
    private boolean putSmall(String key, RequestBody body, long length) throws IOException {
        if (exists(key)) {
            return false;
        }
        return conditionalPut(PutObjectRequest.builder().bucket(bucket).key(key).contentLength(length), body);
    }

    private boolean conditionalPut(PutObjectRequest.Builder request, RequestBody body) {
        if (conditionalPuts) {
            try {
                s3.putObject(request.ifNoneMatch("*").build(), body);
                return true;
            } catch (S3Exception e) {
                if (e.statusCode() == 412 || e.statusCode() == 409) {
                    return false;
                }
                if (e.statusCode() != 501) {
                    throw e;
                }
                conditionalPuts = false;
                log.warn(
                        "The evidence bucket {} does not implement conditional writes (If-None-Match): objects are "
                                + "kept write-once by a HEAD check before each write only",
                        where);
            }
        }
        s3.putObject(request.ifNoneMatch(null).build(), body);
        return true;
    }

    /** Uploads a spooled ciphertext: one put up to the part size, a multipart upload past it. */
    private void putFile(String key, Path file) throws IOException {
        long length = Files.size(file);
        if (length <= partSize) {
            conditionalPut(
                    PutObjectRequest.builder().bucket(bucket).key(key).contentLength(length),
                    RequestBody.fromFile(file));
            return;
        }
        String uploadId =
                s3.createMultipartUpload(b -> b.bucket(bucket).key(key)).uploadId();
        try {
            List<CompletedPart> parts = new ArrayList<>();
            int number = 1;
            for (long offset = 0; offset < length; offset += partSize, number++) {
                long from = offset;
                long size = Math.min(partSize, length - offset);
                int part = number;
                RequestBody body = RequestBody.fromContentProvider(
                        () -> slice(file, from, size), size, "application/octet-stream");
                String etag = s3.uploadPart(
                                b -> b.bucket(bucket)
                                        .key(key)
                                        .uploadId(uploadId)
                                        .partNumber(part)
                                        .contentLength(size),
                                body)
                        .eTag();
                parts.add(CompletedPart.builder().partNumber(part).eTag(etag).build());
            }
            CompletedMultipartUpload done =
                    CompletedMultipartUpload.builder().parts(parts).build();
            if (conditionalPuts) {
                try {
                    s3.completeMultipartUpload(b -> b.bucket(bucket)
                            .key(key)
                            .uploadId(uploadId)
                            .multipartUpload(done)
                            .ifNoneMatch("*"));
                    return;
                } catch (S3Exception e) {
                    if (e.statusCode() == 412 || e.statusCode() == 409) {
                        abort(key, uploadId);
                        return; // the same bytes were completed by another write meanwhile
                    }
                    if (e.statusCode() != 501) {
                        throw e;
                    }
                    conditionalPuts = false;
                }
            }
            s3.completeMultipartUpload(
                    b -> b.bucket(bucket).key(key).uploadId(uploadId).multipartUpload(done));
        } catch (SdkException | UncheckedIOException e) {
            abort(key, uploadId);
            throw e;
        }
    }

    private void abort(String key, String uploadId) {
        try {
            s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId));
        } catch (SdkException e) {
            log.warn("a multipart upload to {} could not be aborted: {}", where, e.getMessage());
        }
    }

    /** A part of a file, read from the disk as it is sent (again if the SDK retries). */
    private static InputStream slice(Path file, long from, long size) {
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
            channel.position(from);
            InputStream in = Channels.newInputStream(channel);
            return new java.io.FilterInputStream(in) {
                long left = size;

                @Override
                public int read() throws IOException {
                    if (left <= 0) {
                        return -1;
                    }
                    int b = super.read();
                    if (b >= 0) {
                        left--;
                    }
                    return b;
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    if (left <= 0) {
                        return -1;
                    }
                    int n = super.read(b, off, (int) Math.min(len, left));
                    if (n > 0) {
                        left -= n;
                    }
                    return n;
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public InputStream open(String sha256) throws IOException {
        Sha256.requireAddress(sha256);
        byte[] wrapped;
        try {
            wrapped = readKey(sha256);
        } catch (NoSuchKeyException e) {
            if (!contains(sha256)) {
                throw new EvidenceNotFound(sha256);
            }
            throw new EvidenceCorrupted(sha256, "its data key cannot be opened");
        }
        KeysetHandle dataKey;
        try {
            dataKey = unwrap(sha256, wrapped);
        } catch (GeneralSecurityException e) {
            throw new EvidenceCorrupted(sha256, "its data key cannot be opened");
        }
        ResponseInputStream<GetObjectResponse> ciphertext;
        try {
            ciphertext = s3.getObject(b -> b.bucket(bucket).key(contentKey(sha256)));
        } catch (NoSuchKeyException e) {
            throw new EvidenceNotFound(sha256);
        } catch (SdkException e) {
            throw new IOException("the evidence bucket " + where + " cannot be read: " + e.getMessage(), e);
        }
        try {
            return new VerifyingInputStream(
                    new LocalEvidenceStore.DecryptionFailuresAreCorruption(open(sha256, dataKey, ciphertext), sha256),
                    sha256);
        } catch (GeneralSecurityException e) {
            ciphertext.abort();
            throw new EvidenceCorrupted(sha256, "its data key cannot be opened");
        }
    }

    private static InputStream open(String sha256, KeysetHandle dataKey, InputStream ciphertext)
            throws GeneralSecurityException, IOException {
        StreamingAead aead = dataKey.getPrimitive(RegistryConfiguration.get(), StreamingAead.class);
        return aead.newDecryptingStream(ciphertext, LocalEvidenceStore.STREAM_AD);
    }

    private KeysetHandle unwrap(String sha256, byte[] wrapped) throws GeneralSecurityException, IOException {
        return master.unwrap(wrapped, LocalEvidenceStore.addressBytes(sha256));
    }

    private byte[] readKey(String sha256) throws IOException {
        try {
            return s3.getObjectAsBytes(b -> b.bucket(bucket).key(keyKey(sha256)))
                    .asByteArray();
        } catch (NoSuchKeyException e) {
            throw e;
        } catch (SdkException e) {
            throw new IOException("the evidence bucket " + where + " cannot be read: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean contains(String sha256) {
        if (!Sha256.isAddress(sha256)) {
            return false;
        }
        try {
            return exists(contentKey(sha256));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean exists(String key) throws IOException {
        try {
            s3.headObject(b -> b.bucket(bucket).key(key));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw new IOException("the evidence bucket " + where + " cannot be read: " + e.getMessage(), e);
        } catch (SdkException e) {
            throw new IOException("the evidence bucket " + where + " cannot be reached: " + e.getMessage(), e);
        }
    }

    @Override
    public void list(Consumer<Listed> each) throws IOException {
        try {
            for (S3Object o : s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(PREFIX))
                    .contents()) {
                String name = o.key().substring(o.key().lastIndexOf('/') + 1);
                if (name.length() == 64 && Sha256.isAddress(name)) {
                    each.accept(new Listed(name, o.lastModified()));
                }
            }
        } catch (SdkException e) {
            throw new IOException("the evidence bucket " + where + " cannot be listed: " + e.getMessage(), e);
        }
    }

    @Override
    public void shred(String sha256) throws IOException {
        Sha256.requireAddress(sha256);
        synchronized (held) { // not while a write of the same bytes is being decided
            delete(sha256);
        }
    }

    /** The key first, then the ciphertext: from the first delete on, no copy of the ciphertext opens. */
    private void delete(String sha256) throws IOException {
        try {
            s3.deleteObject(b -> b.bucket(bucket).key(keyKey(sha256)));
            s3.deleteObject(b -> b.bucket(bucket).key(contentKey(sha256)));
        } catch (SdkException e) {
            throw new IOException("the evidence bucket " + where + " refused a delete: " + e.getMessage(), e);
        }
    }

    @Override
    public void probe() throws IOException {
        try {
            s3.headBucket(b -> b.bucket(bucket));
        } catch (SdkException e) {
            throw new IOException("the evidence bucket " + where + " cannot be reached: " + e.getMessage(), e);
        }
    }

    @Override
    public String describe() {
        return "the bucket " + where;
    }

    @Override
    public void copyOut(String sha256, Path content, Path key) throws IOException {
        Sha256.requireAddress(sha256);
        try {
            s3.getObject(b -> b.bucket(bucket).key(keyKey(sha256)), key);
            s3.getObject(b -> b.bucket(bucket).key(contentKey(sha256)), content);
        } catch (NoSuchKeyException e) {
            throw new EvidenceNotFound(sha256);
        } catch (SdkException e) {
            throw new IOException("the evidence bucket " + where + " cannot be read: " + e.getMessage(), e);
        }
    }

    @Override
    public void copyIn(String sha256, Path content, Path key) throws IOException {
        Sha256.requireAddress(sha256);
        try {
            if (exists(contentKey(sha256))) {
                return;
            }
            byte[] wrapped = Files.readAllBytes(key);
            putSmall(keyKey(sha256), RequestBody.fromBytes(wrapped), wrapped.length);
            putFile(contentKey(sha256), content);
        } catch (SdkException e) {
            throw new IOException("the evidence bucket " + where + " refused the object: " + e.getMessage(), e);
        }
    }

    /** Re-wraps every data key under the new master key's primary key; the ciphertexts are not touched. */
    int rewrap(MasterKey next) throws IOException {
        int count = 0;
        try {
            for (S3Object o : s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(PREFIX))
                    .contents()) {
                String name = o.key().substring(o.key().lastIndexOf('/') + 1);
                if (!name.matches("[0-9a-f]{64}\\.key")) {
                    continue;
                }
                String sha = name.substring(0, 64);
                try {
                    KeysetHandle dataKey = unwrap(sha, readKey(sha));
                    byte[] wrapped = next.wrap(dataKey, LocalEvidenceStore.addressBytes(sha));
                    s3.putObject(
                            b -> b.bucket(bucket).key(o.key()).contentLength((long) wrapped.length),
                            RequestBody.fromBytes(wrapped));
                    count++;
                } catch (GeneralSecurityException e) {
                    throw new EvidenceCorrupted(sha, "its data key cannot be opened for rotation");
                }
            }
        } catch (SdkException e) {
            throw new IOException("the evidence bucket " + where + " refused the rotation: " + e.getMessage(), e);
        }
        master = next;
        return count;
    }

    static String contentKey(String sha256) {
        return PREFIX + sha256.substring(0, 2) + "/" + sha256.substring(2, 4) + "/" + sha256;
    }

    static String keyKey(String sha256) {
        return contentKey(sha256) + ".key";
    }
}
