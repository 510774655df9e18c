package org.filet.server.people;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The record of who changed what about people and settings: organisation settings and urgency rules, roles,
 * activation, vetting and second factors, each with the value before and after. Append-only (the table refuses
 * updates and deletes); an organisation's administrators read their own organisation's entries.
 */
@Component
public class PeopleAudit {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    PeopleAudit(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Entry(
            Instant at,
            @Nullable UUID actor,
            String action,
            @Nullable UUID target,
            @Nullable String before,
            @Nullable String after) {
        /** The time in the server's zone, to the minute. */
        public String when() {
            return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                    .withZone(java.time.ZoneId.systemDefault())
                    .format(at);
        }
    }

    /** Records one change; {@code actor} null means the command line. */
    public void record(
            UUID organisation,
            @Nullable UUID actor,
            String action,
            @Nullable UUID target,
            @Nullable Object before,
            @Nullable Object after) {
        jdbc.sql(
                        "insert into people_audit (organisation, actor, action, target, before, after) values (?, ?, ?, ?, ?::jsonb, ?::jsonb)")
                .params(organisation, actor, action, target, json(before), json(after))
                .update();
    }

    /** The organisation's most recent entries first. */
    public List<Entry> of(UUID organisation, int limit) {
        return jdbc.sql("""
                        select at, actor, action, target, before::text, after::text from people_audit
                        where organisation = ? order by id desc limit ?""")
                .params(organisation, limit)
                .query((rs, n) -> new Entry(
                        rs.getTimestamp(1).toInstant(),
                        rs.getObject(2, UUID.class),
                        rs.getString(3),
                        rs.getObject(4, UUID.class),
                        rs.getString(5),
                        rs.getString(6)))
                .list();
    }

    /** The entries about one user. */
    public List<Entry> about(UUID organisation, UUID target) {
        return jdbc.sql("""
                        select at, actor, action, target, before::text, after::text from people_audit
                        where organisation = ? and target = ? order by id desc""")
                .params(organisation, target)
                .query((rs, n) -> new Entry(
                        rs.getTimestamp(1).toInstant(),
                        rs.getObject(2, UUID.class),
                        rs.getString(3),
                        rs.getObject(4, UUID.class),
                        rs.getString(5),
                        rs.getString(6)))
                .list();
    }

    private static @Nullable String json(@Nullable Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof String s) {
            return JSON.writeValueAsString(Map.of("value", s));
        }
        return JSON.writeValueAsString(value);
    }
}
