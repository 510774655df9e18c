package org.filet.seal.testing;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

/**
 * An in-process RFC 3161 time-stamping authority FOR TESTS ONLY: a fresh self-signed ECDSA P-256 certificate (or
 * RSA 2048, as many public TSAs use, with {@link #createRsa}) (critical extended key usage id-kp-timeStamping) that signs whatever time the caller supplies. Nothing it issues
 * proves anything about real time; it exists so that the server and verifier tests need no network TSA.
 */
public final class InsecureTestTsa {
    private static final ASN1ObjectIdentifier TEST_POLICY = new ASN1ObjectIdentifier("1.3.6.1.4.1.4146.9999.1");

    private final KeyPair keyPair;
    private final X509CertificateHolder certificate;
    private final String signatureAlgorithm;
    private final AtomicLong serial = new AtomicLong(1);

    private InsecureTestTsa(KeyPair keyPair, X509CertificateHolder certificate, String signatureAlgorithm) {
        this.keyPair = keyPair;
        this.certificate = certificate;
        this.signatureAlgorithm = signatureAlgorithm;
    }

    /** A new TSA with an ECDSA P-256 certificate valid from {@code notBefore} for ten years. */
    public static InsecureTestTsa create(Instant notBefore) {
        return create(notBefore, "EC", "SHA256withECDSA");
    }

    /** A new TSA with an RSA 2048 certificate (SHA-256 with RSA) valid from {@code notBefore} for ten years. */
    public static InsecureTestTsa createRsa(Instant notBefore) {
        return create(notBefore, "RSA", "SHA256withRSA");
    }

    private static InsecureTestTsa create(Instant notBefore, String keyAlgorithm, String signatureAlgorithm) {
        try {
            KeyPairGenerator kpg = KeyPairGenerator.getInstance(keyAlgorithm);
            if (keyAlgorithm.equals("EC")) {
                kpg.initialize(new ECGenParameterSpec("secp256r1"));
            } else {
                kpg.initialize(2048);
            }
            KeyPair kp = kpg.generateKeyPair();
            X500Name name = new X500Name("CN=Filet insecure test TSA,O=Filet tests");
            JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(
                    name,
                    BigInteger.ONE,
                    Date.from(notBefore),
                    Date.from(notBefore.plusSeconds(3650L * 86400)),
                    name,
                    kp.getPublic());
            b.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            ContentSigner signer = new JcaContentSignerBuilder(signatureAlgorithm).build(kp.getPrivate());
            return new InsecureTestTsa(kp, b.build(signer), signatureAlgorithm);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create test TSA", e);
        }
    }

    /** The TSA certificate in PEM (for {@code openssl ts -verify -CAfile}). */
    public String certificatePem() {
        try {
            return "-----BEGIN CERTIFICATE-----\n"
                    + java.util.Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Answers a DER {@code TimeStampReq} at time {@code when}; returns the normalised DER {@code TimeStampResp}. */
    public byte[] respond(byte[] request, Instant when) {
        try {
            DigestCalculator essDigest = new JcaDigestCalculatorProviderBuilder()
                    .build()
                    .get(new AlgorithmIdentifier(org.bouncycastle.asn1.nist.NISTObjectIdentifiers.id_sha256));
            ContentSigner signer = new JcaContentSignerBuilder(signatureAlgorithm).build(keyPair.getPrivate());
            TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(
                    new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                            .build(signer, new JcaX509CertificateConverter().getCertificate(certificate)),
                    essDigest,
                    TEST_POLICY);
            tokens.addCertificates(new JcaCertStore(List.of(certificate)));
            TimeStampResponseGenerator gen = new TimeStampResponseGenerator(tokens, TSPAlgorithms.ALLOWED);
            TimeStampResponse resp = gen.generate(
                    new TimeStampRequest(request), BigInteger.valueOf(serial.getAndIncrement()), Date.from(when));
            return org.filet.verify.tsp.TimestampVerifier.normalise(resp.getEncoded(ASN1Encoding.DER));
        } catch (Exception e) {
            throw new IllegalStateException("test TSA failed", e);
        }
    }

    /** Requests and answers in one step: a DER {@code TimeStampResp} over SHA-256({@code data}) at {@code when}. */
    public byte[] timestamp(byte[] data, Instant when) {
        try {
            return respond(org.filet.seal.TimestampRequests.request(data), when);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
