package org.filet.server.evidence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.filet.seal.LedgerSigningKey;
import org.filet.verify.sth.LedgerPublicKey;
import org.filet.verify.sth.TreeHeadException;

/**
 * The instance's Ed25519 tree-head signing key, generated on first start under the key directory
 * ({@code ledger-key.pem}, owner-only, and {@code ledger-key.pub.pem}).
 */
final class LedgerKeys {

    private LedgerKeys() {}

    /** Loads the key; generates it only when none exists and the ledger has no signed head yet. */
    static LedgerSigningKey loadOrGenerate(Path dir, String origin, boolean ledgerHasHeads) {
        try {
            if (Files.exists(dir.resolve(LedgerSigningKey.PRIVATE_FILE))) {
                return LedgerSigningKey.load(dir, origin);
            }
            if (ledgerHasHeads) {
                throw new IllegalStateException(
                        "The custody ledger has signed tree heads but its signing key is missing from " + dir
                                + ". Restore ledger-key.pem there (or set FILET_LEDGER_KEY_DIR). Filet will not start without it.");
            }
            LedgerSigningKey key = LedgerSigningKey.generate(origin);
            key.save(dir);
            System.out.println("Generated the custody ledger signing key in " + dir + " (public key fingerprint "
                    + key.publicKey().fingerprint() + ")");
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the ledger key in " + dir, e);
        } catch (TreeHeadException e) {
            throw new IllegalStateException("the ledger key in " + dir + " is unusable: " + e.getMessage(), e);
        }
    }

    static LedgerPublicKey publicKey(LedgerSigningKey key) {
        return key.publicKey();
    }
}
