package org.filet.server.support;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Instance settings ({@code filet.*}). The data directory holds the embedded database, the evidence store and the
 * instance's keys unless other settings point elsewhere.
 *
 * @param data      the data directory ({@code --data}, default {@code ./filet-data})
 * @param publicUrl the URL people use to reach this instance (links in the setup message, status URLs); empty = derived
 * @param organisation the name of the organisation created on first start, which receives public reports
 */
@ConfigurationProperties(prefix = "filet")
public record FiletSettings(Path data, String publicUrl, String organisation) {

    public FiletSettings {
        if (data == null) {
            data = Path.of("filet-data");
        }
        data = data.toAbsolutePath().normalize();
        if (publicUrl == null) {
            publicUrl = "";
        }
        if (organisation == null || organisation.isBlank()) {
            organisation = "Filet";
        }
    }
}
