package org.filet.server.evidence;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.filet.verify.Sha256;

/** Hashes what passes through and, at end of stream, fails if the content does not match its expected address. */
final class VerifyingInputStream extends FilterInputStream {

    private final String expected;
    private final MessageDigest digest = Sha256.newDigest();
    private boolean checked;

    VerifyingInputStream(InputStream in, String expected) {
        super(in);
        this.expected = expected;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b < 0) {
            finish();
        } else {
            digest.update((byte) b);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n < 0) {
            finish();
        } else {
            digest.update(b, off, n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] buffer = new byte[8192];
        long skipped = 0;
        while (skipped < n) {
            int r = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
            if (r < 0) {
                break;
            }
            skipped += r;
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void finish() {
        if (checked) {
            return;
        }
        checked = true;
        String computed = HexFormat.of().formatHex(digest.digest());
        if (!computed.equals(expected)) {
            throw new EvidenceCorrupted(expected, "its content now hashes to " + computed);
        }
    }
}
