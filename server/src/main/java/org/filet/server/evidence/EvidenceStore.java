package org.filet.server.evidence;

import java.io.IOException;
import java.io.InputStream;

/**
 * Write-once, content-addressed storage of evidence bytes.
 *
 * <p>Guarantees: {@link #put} returns only once the bytes are durable (fsynced) under their SHA-256; storing the same
 * bytes twice keeps one copy and never rewrites it; nothing is ever overwritten or edited in place. {@link #open}
 * hashes what it reads and fails with {@link EvidenceCorrupted} at the end of the stream if the bytes no longer match
 * their address, so no caller can consume altered evidence without being told.
 */
public interface EvidenceStore {

    /**
     * Stores the stream's bytes, up to {@code maxBytes}.
     *
     * @throws EvidenceTooLarge if the stream holds more than {@code maxBytes}; nothing is kept
     */
    StoredObject put(InputStream content, long maxBytes) throws IOException;

    /**
     * Stores bytes for a write that may still fail before anything records them (an intake whose commit fails). The
     * object is held for the caller until {@link Pending#keep()} or {@link Pending#discard} is called: a discarded
     * object is removed unless another write holds it too or {@code recorded} says something already names it, so a
     * failed intake leaves no object that no custody entry names, and never removes one that another report needs.
     */
    default Pending putPending(InputStream content, long maxBytes) throws IOException {
        StoredObject stored = put(content, maxBytes);
        return new Pending() {
            public StoredObject object() {
                return stored;
            }

            public void keep() {}

            public void discard(java.util.function.Predicate<String> recorded) {}
        };
    }

    /** An object stored for a write not yet committed. */
    interface Pending {
        StoredObject object();

        /** The write committed: the object stays. */
        void keep();

        /** The write failed: the object goes unless it is held by another write or already recorded. */
        void discard(java.util.function.Predicate<String> recorded);
    }

    /** Opens an object for reading; the returned stream verifies the content address as it is read. */
    InputStream open(String sha256) throws IOException;

    boolean contains(String sha256);

    /** An object as the store holds it: its address and when it was put there. */
    record Listed(String sha256, java.time.Instant storedAt) {}

    /** Every object the store holds, in no particular order (for checks; it may take a while on a large store). */
    void list(java.util.function.Consumer<Listed> each) throws IOException;

    /**
     * Crypto-shreds an object: its wrapped data key is destroyed first, then its ciphertext, so from the moment this
     * returns no copy of the ciphertext (a backup, a replica) can be decrypted. Nothing else is touched: the object's
     * catalogue row and custody entries stay, so the ledger still proves it existed. Shredding an object that is
     * already gone does nothing. The caller records why (a {@code deleted-by-retention} custody event).
     */
    default void shred(String sha256) throws IOException {
        throw new UnsupportedOperationException("this evidence store cannot shred objects");
    }

    /** Throws when the store cannot be reached or written to now (for the health endpoint). */
    default void probe() throws IOException {}

    /** Where the objects are, for messages (a directory, a bucket; never a secret). */
    default String describe() {
        return getClass().getSimpleName();
    }

    /**
     * Copies an object as it is stored, never decrypted (its ciphertext and its wrapped data key), into two files: a
     * backup holds no plaintext, and no key that opens it without the master key.
     *
     * @throws EvidenceNotFound if the store does not hold it
     */
    default void copyOut(String sha256, java.nio.file.Path content, java.nio.file.Path key) throws IOException {
        throw new UnsupportedOperationException("this evidence store cannot copy objects out");
    }

    /** Stores an object copied out by {@link #copyOut} as it is (a restore); an object already held is kept. */
    default void copyIn(String sha256, java.nio.file.Path content, java.nio.file.Path key) throws IOException {
        throw new UnsupportedOperationException("this evidence store cannot copy objects in");
    }

    /** Reads the whole object and checks it against its address. */
    default void check(String sha256) throws IOException {
        try (InputStream in = open(sha256)) {
            in.transferTo(OutputStreamSink.INSTANCE);
        }
    }

    /** Discards bytes. */
    final class OutputStreamSink extends java.io.OutputStream {
        static final OutputStreamSink INSTANCE = new OutputStreamSink();

        @Override
        public void write(int b) {}

        @Override
        public void write(byte[] b, int off, int len) {}
    }
}
