package org.filet.server.media;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Media settings ({@code filet.media.*}).
 *
 * @param maxPixels     pictures declaring more pixels are refused before decoding (decompression bombs)
 * @param matchDistance PDQ distance at or below which two pictures match (loose matches are a known complaint: 31 is
 *                      the usual threshold, an organisation may tighten it)
 * @param dailyExposure reveals per person per day before a warning (a soft limit)
 */
@ConfigurationProperties(prefix = "filet.media")
public record MediaSettings(Long maxPixels, Integer matchDistance, Integer dailyExposure) {

    public MediaSettings {
        maxPixels = maxPixels == null ? 50_000_000L : maxPixels;
        matchDistance = matchDistance == null ? 31 : matchDistance;
        dailyExposure = dailyExposure == null ? 20 : dailyExposure;
    }
}
