package org.filet.server.intake;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Limits on what one report may carry ({@code filet.intake.*}) and the group commit's shape.
 *
 * @param maxFiles       files in one request
 * @param maxFileSize    one file
 * @param maxJsonSize    the JSON of one report
 * @param committers     threads committing reports (each commits up to {@code batchSize} waiting reports at once)
 * @param batchSize      reports committed together at most
 */
@ConfigurationProperties(prefix = "filet.intake")
public record IntakeSettings(
        Integer maxFiles, DataSize maxFileSize, DataSize maxJsonSize, Integer committers, Integer batchSize) {

    public IntakeSettings {
        maxFiles = maxFiles == null ? 20 : maxFiles;
        maxFileSize = maxFileSize == null ? DataSize.ofMegabytes(100) : maxFileSize;
        maxJsonSize = maxJsonSize == null ? DataSize.ofMegabytes(8) : maxJsonSize;
        committers = committers == null ? 1 : committers;
        batchSize = batchSize == null ? 64 : batchSize;
    }
}
