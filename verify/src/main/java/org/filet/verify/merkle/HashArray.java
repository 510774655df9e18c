package org.filet.verify.merkle;

import java.io.Closeable;
import java.io.IOException;

/** An append-only array of 32-byte hashes: one level of stored complete subtrees. Not thread-safe. */
interface HashArray extends Closeable {
    long size();

    void append(byte[] hash);

    /** Copies hash {@code i} into {@code dst}. Requires {@code 0 <= i < size()}. */
    void get(long i, byte[] dst);

    /** Makes appended hashes durable (no-op in memory). */
    void sync() throws IOException;
}
