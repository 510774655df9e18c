package org.filet.server.evidence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Opens an existing evidence store outside the running server (command-line checks, tests). */
public final class EvidenceStores {

    private EvidenceStores() {
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
