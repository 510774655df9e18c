package org.filet.server.evidence;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.function.Consumer;
import org.filet.verify.Sha256;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The head log's copy in an S3 bucket ({@code FILET_LEDGER_HEAD_LOG_S3_BUCKET}): every signed head as its own object,
 * {@code heads/<tree size, 20 digits>}, written once and never replaced; every checkpoint a witness cosigned as
 * {@code cosigned/<tree size>-<16 hex digits of its SHA-256>}. Keys sort by tree size, so the newest head is the last.
 *
 * <p>Write-once as the evidence store is: a {@code HEAD} check, then a conditional put ({@code If-None-Match: *}).
 * A second head of a size already in the bucket is refused unless it signs the same tree (same origin, size and root:
 * a head re-signed after a crash), so the mirror never takes a fork. Give the instance credentials that may put but
 * not delete or overwrite in that bucket (or turn on object lock) and a hand on the machine cannot take heads back.
 */
final class S3HeadMirror {

    private static final Logger log = LoggerFactory.getLogger(S3HeadMirror.class);
    static final String HEADS = "heads/";
    static final String COSIGNED = "cosigned/";

    private final S3Client s3;
    private final String bucket;
    private final String where;
    private volatile boolean conditionalPuts = true;

    S3HeadMirror(S3Client s3, String bucket, String where) {
        this.s3 = s3;
        this.bucket = bucket;
        this.where = where;
    }

    /** No S3 mirror (no bucket set). */
    static S3HeadMirror none() {
        return new S3HeadMirror(null, "", "");
    }

    boolean enabled() {
        return s3 != null;
    }

    String where() {
        return where;
    }

    static String headKey(long size) {
        return HEADS + String.format("%020d", size);
    }

    /** Writes one checkpoint (a head or a cosigned head); throws if the bucket does not take it. */
    void put(String note) throws IOException {
        long size = treeSize(note);
        try {
            String head = headKey(size);
            String existing = read(head);
            if (existing == null) {
                if (putOnce(head, note)) {
                    return;
                }
                existing = read(head);
            }
            if (existing != null && existing.equals(note)) {
                return;
            }
            if (existing != null && !body(existing).equals(body(note))) {
                throw new IOException("the S3 head mirror " + where + " already holds another head of " + size
                        + " leaves: a head that contradicts it is not published");
            }
            // the same tree, with more signatures (a witness's cosignature) or signed again after a crash
            String digest = HexFormat.of()
                    .formatHex(Sha256.newDigest().digest(note.getBytes(StandardCharsets.UTF_8)))
                    .substring(0, 16);
            putOnce(COSIGNED + String.format("%020d", size) + "-" + digest, note);
        } catch (SdkException e) {
            throw new IOException("the S3 head mirror " + where + " refused the head: " + e.getMessage(), e);
        }
    }

    /** Every checkpoint in the bucket, heads in order of size, then the cosigned ones. */
    void readAll(Consumer<String> each) throws IOException {
        readFrom(HEADS, null, each);
        readFrom(COSIGNED, null, each);
    }

    /** The heads of {@code size} leaves and more. */
    void readHeadsFrom(long size, Consumer<String> each) throws IOException {
        readFrom(HEADS, size <= 0 ? null : headKey(size - 1), each);
    }

    private void readFrom(String prefix, String startAfter, Consumer<String> each) throws IOException {
        try {
            for (S3Object o : s3.listObjectsV2Paginator(
                            b -> b.bucket(bucket).prefix(prefix).startAfter(startAfter))
                    .contents()) {
                String note = read(o.key());
                if (note != null) {
                    each.accept(note);
                }
            }
        } catch (SdkException e) {
            throw new IOException("the S3 head mirror " + where + " cannot be read: " + e.getMessage(), e);
        }
    }

    private String read(String key) {
        try {
            return s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asString(StandardCharsets.UTF_8);
        } catch (NoSuchKeyException e) {
            return null;
        }
    }

    private boolean putOnce(String key, String note) {
        byte[] bytes = note.getBytes(StandardCharsets.UTF_8);
        if (conditionalPuts) {
            try {
                s3.putObject(
                        b -> b.bucket(bucket)
                                .key(key)
                                .contentLength((long) bytes.length)
                                .ifNoneMatch("*"),
                        RequestBody.fromBytes(bytes));
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
                        "The S3 head mirror {} does not implement conditional writes: heads are kept write-once by a "
                                + "check before each write only",
                        where);
            }
        }
        s3.putObject(b -> b.bucket(bucket).key(key).contentLength((long) bytes.length), RequestBody.fromBytes(bytes));
        return true;
    }

    /** What a checkpoint signs the tree as: its origin, size and root (its first three lines). */
    private static String body(String note) {
        String[] lines = note.split("\n", 4);
        return lines.length < 3 ? note : lines[0] + "\n" + lines[1] + "\n" + lines[2];
    }

    private static long treeSize(String note) throws IOException {
        String[] lines = note.split("\n", 3);
        try {
            return Long.parseLong(lines[1]);
        } catch (RuntimeException e) {
            throw new IOException("not a checkpoint (no tree size on its second line)");
        }
    }
}
