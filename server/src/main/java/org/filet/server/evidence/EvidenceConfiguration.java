package org.filet.server.evidence;

import java.io.IOException;
import java.nio.file.Path;
import org.filet.server.support.FiletSettings;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The evidence store: an S3-compatible bucket when {@code FILET_EVIDENCE_S3_BUCKET} is set, else the directory
 * {@code <data>/evidence}; encrypted the same way either way, with the master key in {@code <data>/keys}.
 */
@Configuration(proxyBeanMethods = false)
class EvidenceConfiguration {

    @Bean
    S3Settings s3Settings(Environment env) {
        return S3Settings.from(
                name -> env.getProperty(name, env.getProperty(name.toLowerCase().replace('_', '.'))));
    }

    /** One client for the evidence bucket and the head log's bucket, when either is set. */
    @Bean(destroyMethod = "close")
    S3Connection s3Connection(S3Settings s3) {
        return new S3Connection(s3.evidenceInS3() || s3.headLogMirrorBucket().isPresent() ? s3.client() : null);
    }

    @Bean
    S3HeadMirror s3HeadMirror(S3Settings s3, S3Connection connection) {
        return s3.headLogMirrorBucket()
                .map(bucket -> new S3HeadMirror(connection.client(), bucket, s3.describe(bucket)))
                .orElseGet(S3HeadMirror::none);
    }

    @Bean
    MasterKey masterKey(
            FiletSettings settings,
            S3Settings s3,
            S3Connection connection,
            @Value("${FILET_MASTER_KEY:}") String inline,
            @Value("${filet.master-key-file:}") String file)
            throws IOException {
        boolean holds = s3.evidenceInS3()
                ? s3Store(settings, s3, connection.client(), null).holdsObjects()
                : LocalEvidenceStore.holdsObjects(settings.data().resolve("evidence"));
        return MasterKey.load(inline, keyFile(settings, file), !holds);
    }

    @Bean
    EvidenceStore evidenceStore(FiletSettings settings, MasterKey masterKey, S3Settings s3, S3Connection connection)
            throws IOException {
        if (s3.evidenceInS3()) {
            return s3Store(settings, s3, connection.client(), masterKey);
        }
        return new LocalEvidenceStore(settings.data().resolve("evidence"), masterKey);
    }

    static S3EvidenceStore s3Store(FiletSettings settings, S3Settings s3, S3Client client, MasterKey key)
            throws IOException {
        return EvidenceStores.s3(settings.data(), s3, client, key);
    }

    static Path keyFile(FiletSettings settings, String configured) {
        return configured == null || configured.isBlank()
                ? settings.data().resolve("keys").resolve("master-key.json")
                : Path.of(configured).toAbsolutePath();
    }

    /** The S3 client, or none when nothing is in S3 (closed with the context). */
    record S3Connection(S3Client client) implements AutoCloseable {
        @Override
        public void close() {
            if (client != null) {
                client.close();
            }
        }
    }
}
