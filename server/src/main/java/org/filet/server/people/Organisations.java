package org.filet.server.people;

import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The organisations on this instance; exactly one of them receives the public reports. */
@Component
public class Organisations {

    private final JdbcClient jdbc;
    private volatile UUID receiving;

    Organisations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Organisation(UUID id, String name, String language, String country) {}

    /** The organisation that receives public reports, created with the given name if there is none yet. */
    @Transactional
    public UUID receiving(String defaultName) {
        UUID cached = receiving;
        if (cached != null) {
            return cached;
        }
        Optional<UUID> existing = jdbc.sql("select id from organisation where receives_public_reports")
                .query(UUID.class)
                .optional();
        UUID id = existing.orElseGet(() -> {
            UUID created = findByName(defaultName).map(Organisation::id).orElseGet(() -> create(defaultName));
            jdbc.sql("update organisation set receives_public_reports = true where id = ?")
                    .param(created)
                    .update();
            return created;
        });
        receiving = id;
        return id;
    }

    public Optional<Organisation> findByName(String name) {
        return jdbc.sql("select id, name, language, country from organisation where name = ?")
                .param(name)
                .query(Organisation.class)
                .optional();
    }

    public Optional<Organisation> find(UUID id) {
        return jdbc.sql("select id, name, language, country from organisation where id = ?")
                .param(id)
                .query(Organisation.class)
                .optional();
    }

    /** Every organisation, by name, and whether it receives the public's reports. */
    public java.util.List<Organisation> all() {
        return jdbc.sql("select id, name, language, country from organisation order by lower(name)")
                .query(Organisation.class)
                .list();
    }

    public UUID create(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("an organisation needs a name");
        }
        if (name.strip().length() > 200) {
            throw new IllegalArgumentException("an organisation's name has at most 200 characters");
        }
        if (findByName(name.trim()).isPresent()) {
            throw new IllegalArgumentException("an organisation with this name already exists");
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into organisation (id, name) values (?, ?)")
                .params(id, name.trim())
                .update();
        return id;
    }
}
