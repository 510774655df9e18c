package org.filet.server.evidence;

import java.io.IOException;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import org.filet.server.support.FiletSettings;

@Configuration(proxyBeanMethods = false)
class EvidenceConfiguration {

    @Bean
    EvidenceStore evidenceStore(FiletSettings settings) throws IOException {
        return new LocalEvidenceStore(settings.data().resolve("evidence"));
    }
}
