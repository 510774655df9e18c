package org.filet.server.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * This instance's identity: a random id made on first start and kept in {@code <data>/instance-id}. It names the
 * instance in custody records (and, later, in signed tree heads and federation).
 */
@Component
public class FiletInstance {

    private final String id;

    public FiletInstance(FiletSettings settings) {
        Path file = settings.data().resolve("instance-id");
        try {
            Files.createDirectories(settings.data());
            if (!Files.exists(file)) {
                Files.writeString(file, "filet-" + UUID.randomUUID() + "\n", StandardCharsets.UTF_8);
            }
            this.id = Files.readString(file, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the instance id at " + file, e);
        }
    }

    public String id() {
        return id;
    }
}
