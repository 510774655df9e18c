package org.filet.server.evidence;

import java.io.IOException;
import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import org.filet.server.support.FiletSettings;

@Configuration(proxyBeanMethods = false)
class EvidenceConfiguration {

    @Bean
    MasterKey masterKey(FiletSettings settings, @Value("${FILET_MASTER_KEY:}") String inline,
                        @Value("${filet.master-key-file:}") String file) throws IOException {
        Path evidence = settings.data().resolve("evidence");
        return MasterKey.load(inline, keyFile(settings, file), !LocalEvidenceStore.holdsObjects(evidence));
    }

    @Bean
    LocalEvidenceStore evidenceStore(FiletSettings settings, MasterKey masterKey) throws IOException {
        return new LocalEvidenceStore(settings.data().resolve("evidence"), masterKey);
    }

    static Path keyFile(FiletSettings settings, String configured) {
        return configured == null || configured.isBlank() ? settings.data().resolve("keys").resolve("master-key.json")
                : Path.of(configured).toAbsolutePath();
    }
}
