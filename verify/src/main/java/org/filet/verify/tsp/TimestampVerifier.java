package org.filet.verify.tsp;

import java.io.IOException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Collection;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.asn1.cmp.PKIStatusInfo;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.asn1.cms.SignerInfo;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.tsp.TimeStampResp;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.tsp.TimeStampTokenInfo;
import org.filet.verify.Hex;
import org.filet.verify.Sha256;

/**
 * Verifies an RFC 3161 {@code TimeStampResp} (DER, as {@code openssl ts -reply} writes) over some data: the
 * status is granted, the message imprint is SHA-256 of the data, and the token's CMS signature (RFC 3161 §2.4.2,
 * RFC 5652) verifies with the TSA certificate carried in the token, which the ESS signing-certificate attribute
 * names, which is valid at the token's time and is marked for time stamping (RFC 3161 §2.3).
 *
 * <p>It does not decide whether the TSA is trusted: that is a chain-of-trust question for the reader, who gets the
 * certificate's subject and fingerprint in {@link TimestampInfo}.
 */
public final class TimestampVerifier {
    /** Bigger responses are refused unread. */
    public static final int MAX_RESPONSE_BYTES = 256 * 1024;

    private TimestampVerifier() {}

    public static TimestampInfo verify(byte[] response, byte[] data) throws TimestampException {
        return verifyImprint(response, Sha256.of(data));
    }

    /**
     * Rewrites a TSA reply into the normal form that {@link #verify} requires, changing nothing the TSA signed:
     * status {@code granted} with no text, the token's SignedData with exactly the signer's certificate, no CRLs
     * and no unsigned attributes, all in DER. Every byte that remains is then either signed, hashed into a signed
     * attribute, or fixed by this form, so that no byte can change without verification failing.
     */
    public static byte[] normalise(byte[] reply) throws TimestampException {
        try {
            TimeStampResponse resp = new TimeStampResponse(reply);
            TimeStampToken token = resp.getTimeStampToken();
            if (resp.getStatus() > 1 || token == null) {
                throw new TimestampException("timestamp response status is " + resp.getStatus() + ", not granted");
            }
            SignedData sd = SignedData.getInstance(
                    token.toCMSSignedData().toASN1Structure().getContent());
            if (sd.getSignerInfos().size() != 1) {
                throw new TimestampException(
                        "timestamp token has " + sd.getSignerInfos().size() + " signers");
            }
            SignerInfo si = SignerInfo.getInstance(sd.getSignerInfos().getObjectAt(0));
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> certs = token.getCertificates().getMatches(token.getSID());
            if (certs.size() != 1) {
                throw new TimestampException("token carries " + certs.size() + " certificates for its signer, "
                        + "expected 1 (request the TSA certificate with certReq=true)");
            }
            SignerInfo bare = new SignerInfo(
                    si.getSID(),
                    si.getDigestAlgorithm(),
                    si.getAuthenticatedAttributes(),
                    si.getDigestEncryptionAlgorithm(),
                    si.getEncryptedDigest(),
                    null);
            SignedData normal = new SignedData(
                    new DERSet(si.getDigestAlgorithm()),
                    sd.getEncapContentInfo(),
                    new DERSet(certs.iterator().next().toASN1Structure()),
                    null,
                    new DERSet(bare));
            TimeStampResp out = new TimeStampResp(
                    new PKIStatusInfo(PKIStatus.granted), new ContentInfo(CMSObjectIdentifiers.signedData, normal));
            return out.getEncoded(ASN1Encoding.DER);
        } catch (TimestampException e) {
            throw e;
        } catch (Exception e) {
            throw new TimestampException("timestamp response does not parse as RFC 3161 TimeStampResp", e);
        }
    }

    private static void checkNormalForm(TimeStampResponse resp) throws TimestampException {
        PKIStatusInfo status;
        try {
            status = TimeStampResp.getInstance(resp.getEncoded()).getStatus();
        } catch (IOException e) {
            throw new TimestampException("timestamp response does not re-encode", e);
        }
        if (status.getStatusString() != null || status.getFailInfo() != null) {
            throw new TimestampException("timestamp response status carries text or failure bits (not normalised)");
        }
        ContentInfo ci = resp.getTimeStampToken().toCMSSignedData().toASN1Structure();
        if (!CMSObjectIdentifiers.signedData.equals(ci.getContentType())) {
            throw new TimestampException("timestamp token content type is " + ci.getContentType()
                    + ", expected signedData (1.2.840.113549.1.7.2)");
        }
        SignedData sd = SignedData.getInstance(ci.getContent());
        if (sd.getVersion().intValueExact() != 3) {
            throw new TimestampException("SignedData version is " + sd.getVersion() + ", expected 3 (RFC 5652)");
        }
        if (sd.getSignerInfos().size() != 1) {
            throw new TimestampException(
                    "timestamp token has " + sd.getSignerInfos().size() + " signers, expected 1");
        }
        SignerInfo si = SignerInfo.getInstance(sd.getSignerInfos().getObjectAt(0));
        if (sd.getDigestAlgorithms().size() != 1
                || !sd.getDigestAlgorithms().getObjectAt(0).equals(si.getDigestAlgorithm())) {
            throw new TimestampException("SignedData digestAlgorithms must list exactly the signer's algorithm");
        }
        int expectedVersion = si.getSID().isTagged() ? 3 : 1;
        if (si.getVersion().intValueExact() != expectedVersion) {
            throw new TimestampException("SignerInfo version is " + si.getVersion() + ", expected " + expectedVersion);
        }
        if (si.getUnauthenticatedAttributes() != null
                || sd.getCRLs() != null
                || sd.getCertificates() == null
                || sd.getCertificates().size() != 1) {
            throw new TimestampException("timestamp token is not normalised: exactly the signer certificate, no CRLs,"
                    + " no unsigned attributes");
        }
    }

    /** As {@link #verify} for data whose SHA-256 is {@code dataSha256}. */
    public static TimestampInfo verifyImprint(byte[] response, byte[] dataSha256) throws TimestampException {
        if (response.length > MAX_RESPONSE_BYTES) {
            throw new TimestampException("timestamp response larger than " + MAX_RESPONSE_BYTES + " bytes");
        }
        TimeStampResponse resp;
        try {
            resp = new TimeStampResponse(response);
            if (!Arrays.equals(resp.getEncoded(ASN1Encoding.DER), response)) {
                throw new TimestampException("timestamp response is not DER or has trailing data");
            }
        } catch (TSPException | IOException | RuntimeException e) {
            throw new TimestampException("timestamp response does not parse as RFC 3161 TimeStampResp", e);
        }
        try {
            return check(resp, dataSha256);
        } catch (RuntimeException e) {
            throw new TimestampException(
                    "timestamp token is malformed: " + e.getClass().getSimpleName(), e);
        }
    }

    private static TimestampInfo check(TimeStampResponse resp, byte[] dataSha256) throws TimestampException {
        if (resp.getStatus() != 0) {
            throw new TimestampException("timestamp response status is " + resp.getStatus() + ", not granted (0)");
        }
        TimeStampToken token = resp.getTimeStampToken();
        if (token == null) {
            throw new TimestampException("timestamp response carries no token");
        }
        checkNormalForm(resp);
        TimeStampTokenInfo info = token.getTimeStampInfo();
        if (!NISTObjectIdentifiers.id_sha256.equals(info.getMessageImprintAlgOID())) {
            throw new TimestampException("message imprint algorithm is " + info.getMessageImprintAlgOID()
                    + ", expected SHA-256 (2.16.840.1.101.3.4.2.1)");
        }
        if (!MessageDigest.isEqual(info.getMessageImprintDigest(), dataSha256)) {
            throw new TimestampException("message imprint mismatch: expected " + Hex.encode(dataSha256) + ", token has "
                    + Hex.encode(info.getMessageImprintDigest()));
        }
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> certs = token.getCertificates().getMatches(token.getSID());
        if (certs.size() != 1) {
            throw new TimestampException("token carries " + certs.size() + " certificates for its signer, expected 1"
                    + " (request the TSA certificate with certReq=true)");
        }
        X509CertificateHolder cert = certs.iterator().next();
        if (cert.getIssuer().equals(cert.getSubject())) {
            // a self-signed TSA certificate must carry its own valid signature: no byte of it may change unseen
            try {
                if (!cert.isSignatureValid(
                        new org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder().build(cert))) {
                    throw new TimestampException("the TSA certificate's own signature does not verify");
                }
            } catch (TimestampException e) {
                throw e;
            } catch (Exception e) {
                throw new TimestampException(
                        "the TSA certificate's own signature cannot be checked: " + e.getMessage(), e);
            }
        }
        try {
            token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(cert));
        } catch (Exception e) {
            throw new TimestampException("timestamp token signature does not verify: " + e.getMessage(), e);
        }
        try {
            return new TimestampInfo(
                    info.getGenTime().toInstant(),
                    cert.getSubject().toString(),
                    Sha256.hex(cert.getEncoded()),
                    info.getPolicy().getId(),
                    info.getSerialNumber().toString(),
                    Hex.encode(dataSha256));
        } catch (IOException e) {
            throw new TimestampException("TSA certificate does not re-encode", e);
        }
    }
}
