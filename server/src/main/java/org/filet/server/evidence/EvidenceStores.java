package org.filet.server.evidence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Opens an existing evidence store outside the running server (command-line checks, tests). */
public final class EvidenceStores {

    private EvidenceStores() {
    }

    /**
     * Rotates the master key in {@code <data>/keys/master-key.json}: a new primary key is added (the old ones stay, so
     * every wrap still opens at every moment), the file is replaced atomically, then every object's data key is
     * re-wrapped under the new primary key. Content files are not touched. Returns the number of keys re-wrapped.
     * Requires the server to be stopped.
     */
    public static int rotateMasterKey(Path data) {
        Path file = data.resolve("keys").resolve("master-key.json");
        try {
            MasterKey current = MasterKey.load(null, file, false);
            MasterKey next = current.rotated();
            next.save(file);
            return new LocalEvidenceStore(data.resolve("evidence"), next).rewrap(next);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("the master key could not be rotated", e);
        }
    }

    /** The store under {@code <data>/evidence} with the key in {@code <data>/keys/master-key.json} (never generated). */
    public static EvidenceStore local(Path data) {
        try {
            MasterKey key = MasterKey.load(System.getenv("FILET_MASTER_KEY"), data.resolve("keys").resolve("master-key.json"), false);
            return new LocalEvidenceStore(data.resolve("evidence"), key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
