package org.filet.server.evidence;

import java.net.URI;
import java.util.Optional;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;

/**
 * The connection to an S3-compatible object store ({@code FILET_EVIDENCE_S3_*}), shared by the evidence store and the
 * head log's S3 mirror.
 *
 * @param endpoint      the store's address, e.g. {@code https://s3.example.org} (empty: AWS's own endpoint for the region)
 * @param bucket        the bucket of evidence objects; empty = evidence stays on the local disk
 * @param region        the region to sign requests for ({@code us-east-1} when not set; most S3-compatible stores
 *                      accept any)
 * @param accessKey     the access key id (empty: the SDK's default credential chain)
 * @param secretKey     the secret access key
 * @param headLogBucket a bucket to which every signed head is also written, one write-once object per head
 *                      ({@code FILET_LEDGER_HEAD_LOG_S3_BUCKET}); empty = none
 */
public record S3Settings(
        String endpoint, String bucket, String region, String accessKey, String secretKey, String headLogBucket) {

    public S3Settings {
        endpoint = blankToEmpty(endpoint);
        bucket = blankToEmpty(bucket);
        region = blankToEmpty(region).isEmpty() ? "us-east-1" : region.strip();
        accessKey = blankToEmpty(accessKey);
        secretKey = secretKey == null ? "" : secretKey;
        headLogBucket = blankToEmpty(headLogBucket);
        if (!accessKey.isEmpty() && secretKey.isEmpty()) {
            throw new IllegalArgumentException(
                    "FILET_EVIDENCE_S3_ACCESS_KEY is set but FILET_EVIDENCE_S3_SECRET_KEY is not");
        }
        if (!endpoint.isEmpty()) {
            URI uri = URI.create(endpoint);
            if (uri.getScheme() == null
                    || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                    || uri.getHost() == null) {
                throw new IllegalArgumentException(
                        "FILET_EVIDENCE_S3_ENDPOINT must be an http or https address, was " + endpoint);
            }
        }
    }

    /**
     * Reads the settings through {@code lookup}, which answers an environment variable's name with its value (or
     * null): the Spring environment in the server, {@link System#getenv} in a command.
     */
    public static S3Settings from(UnaryOperator<String> lookup) {
        return new S3Settings(
                lookup.apply("FILET_EVIDENCE_S3_ENDPOINT"),
                lookup.apply("FILET_EVIDENCE_S3_BUCKET"),
                lookup.apply("FILET_EVIDENCE_S3_REGION"),
                lookup.apply("FILET_EVIDENCE_S3_ACCESS_KEY"),
                lookup.apply("FILET_EVIDENCE_S3_SECRET_KEY"),
                lookup.apply("FILET_LEDGER_HEAD_LOG_S3_BUCKET"));
    }

    /** The settings of this process: its environment variables, else system properties of the same names. */
    public static S3Settings fromProcess() {
        return from(name -> System.getenv(name) != null ? System.getenv(name) : System.getProperty(name));
    }

    /** Whether evidence goes to S3. */
    public boolean evidenceInS3() {
        return !bucket.isEmpty();
    }

    public Optional<String> headLogMirrorBucket() {
        return headLogBucket.isEmpty() ? Optional.empty() : Optional.of(headLogBucket);
    }

    /**
     * A client for the store: path-style addresses ({@code endpoint/bucket/key}, which S3-compatible servers expect),
     * and checksums only where an operation requires one (current SDKs otherwise add CRC32 trailers that many
     * S3-compatible servers refuse). The content address and the AEAD tag already protect every object.
     */
    public S3Client client() {
        var builder = S3Client.builder()
                .region(Region.of(region))
                .httpClientBuilder(ApacheHttpClient.builder()
                        .maxConnections(32)
                        .connectionTimeout(java.time.Duration.ofSeconds(5))
                        .socketTimeout(java.time.Duration.ofSeconds(60)))
                .serviceConfiguration(
                        S3Configuration.builder().pathStyleAccessEnabled(true).build())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .credentialsProvider(
                        accessKey.isEmpty()
                                ? DefaultCredentialsProvider.builder().build()
                                : StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)));
        if (!endpoint.isEmpty()) {
            builder.endpointOverride(URI.create(endpoint));
        }
        return builder.build();
    }

    /** Where a bucket is, for messages (never the keys). */
    String describe(String name) {
        return "s3://" + name + (endpoint.isEmpty() ? "" : " at " + endpoint);
    }

    @Override
    public String toString() {
        return "S3Settings[" + (endpoint.isEmpty() ? "aws" : endpoint) + ", bucket " + bucket + ", region " + region
                + ", head log bucket " + headLogBucket + "]";
    }

    private static String blankToEmpty(String s) {
        return s == null || s.isBlank() ? "" : s.strip();
    }
}
