package org.filet.server.evidence;

import java.io.IOException;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} is DOWN while the evidence store cannot be reached or written to (a local directory gone
 * read-only, an S3 bucket whose server is down): a node that cannot keep evidence must not take reports. The database
 * has Spring Boot's own indicator.
 */
@Component
class EvidenceStoreHealthIndicator implements HealthIndicator {

    private final EvidenceStore store;

    EvidenceStoreHealthIndicator(EvidenceStore store) {
        this.store = store;
    }

    @Override
    public Health health() {
        try {
            store.probe();
            return Health.up().withDetail("store", store.describe()).build();
        } catch (IOException | RuntimeException e) {
            return Health.down()
                    .withDetail("store", store.describe())
                    .withDetail("error", e.getMessage())
                    .build();
        }
    }
}
