package org.filet.seal;

import java.io.IOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.filet.verify.Sha256;
import org.filet.verify.tsp.TimestampException;
import org.filet.verify.tsp.TimestampVerifier;

/**
 * Client side of RFC 3161 for the server: build the DER {@code TimeStampReq} to POST to a TSA
 * ({@code Content-Type: application/timestamp-query}) and check the {@code application/timestamp-reply} it returns.
 */
public final class TimestampRequests {
    private static final SecureRandom RANDOM = new SecureRandom();

    private TimestampRequests() {}

    /** A DER request over SHA-256({@code data}) with a random 64-bit nonce, asking for the TSA certificate. */
    public static byte[] request(byte[] data) throws IOException {
        TimeStampRequestGenerator gen = new TimeStampRequestGenerator();
        gen.setCertReq(true);
        return gen.generate(TSPAlgorithms.SHA256, Sha256.of(data), new BigInteger(63, RANDOM))
                .getEncoded();
    }

    /**
     * Checks a TSA reply against the request it answers (nonce, imprint) and the data, and returns the reply in DER,
     * in the normal form of {@link TimestampVerifier#normalise}, ready to store as {@code timestamp.tsr}.
     */
    public static byte[] acceptReply(byte[] request, byte[] reply, byte[] data) throws TimestampException {
        try {
            TimeStampRequest req = new TimeStampRequest(request);
            TimeStampResponse resp = new TimeStampResponse(reply);
            resp.validate(req);
            byte[] der = TimestampVerifier.normalise(reply);
            TimestampVerifier.verify(der, data);
            return der;
        } catch (TimestampException e) {
            throw e;
        } catch (Exception e) {
            throw new TimestampException("TSA reply does not answer the request: " + e.getMessage(), e);
        }
    }
}
