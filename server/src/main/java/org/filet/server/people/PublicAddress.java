package org.filet.server.people;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.filet.server.support.FiletSettings;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The address people reach this instance at, for the links Filet prints or mails (set-up, invitations):
 * {@code FILET_PUBLIC_URL} when set; otherwise the address the server actually listens on. A running server writes it
 * into the data directory, so that the command line, run beside it, prints links to the right port too.
 */
@Component
public class PublicAddress {

    static final String FILE = "server-address";

    private final FiletSettings settings;
    private final Environment environment;
    private volatile String listening;

    PublicAddress(FiletSettings settings, Environment environment) {
        this.settings = settings;
        this.environment = environment;
    }

    @EventListener
    void onStarted(WebServerInitializedEvent event) {
        listening = "http://localhost:" + event.getWebServer().getPort();
        try {
            Files.createDirectories(settings.data());
            Files.writeString(settings.data().resolve(FILE), listening + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            // only the command line's printed links depend on it; they fall back to the configured port
        }
    }

    /** The base URL, without a trailing slash. */
    public String base() {
        if (!settings.publicUrl().isBlank()) {
            return settings.publicUrl().replaceAll("/+$", "");
        }
        if (listening != null) {
            return listening;
        }
        Path written = settings.data().resolve(FILE);
        try {
            if (Files.isReadable(written)) {
                String value = Files.readString(written, StandardCharsets.UTF_8).strip();
                if (value.startsWith("http://") || value.startsWith("https://")) {
                    return value;
                }
            }
        } catch (IOException e) {
            // fall through to the configured port
        }
        return "http://localhost:" + environment.getProperty("server.port", "8080");
    }
}
