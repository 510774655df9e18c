package org.filet.server.people;

import java.util.List;
import java.util.Optional;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How many restricted pictures a person revealed today and in the last seven days, against their organisation's daily
 * budget (or the instance's, {@code filet.media.daily-exposure}): shown to the person and to their leads, with a break
 * reminder once the day's budget is reached. Counts come from the reveal records media keeps (one row per reveal).
 */
@Component
public class Exposure {

    static final int DEFAULT_BUDGET = 20;

    private final JdbcClient jdbc;
    private final OrganisationSettings settings;
    private final Environment environment;

    Exposure(JdbcClient jdbc, OrganisationSettings settings, Environment environment) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.environment = environment;
    }

    public record Views(StaffUser user, long today, long week, int budget) {
        public boolean breakDue() {
            return today >= budget;
        }
    }

    public Views of(StaffUser user) {
        long today = jdbc.sql("select count(*) from media_reveal where user_id = ? and at >= date_trunc('day', now())")
                .param(user.id())
                .query(Long.class)
                .single();
        long week = jdbc.sql(
                        "select count(*) from media_reveal where user_id = ? and at >= date_trunc('day', now()) - interval '6 days'")
                .param(user.id())
                .query(Long.class)
                .single();
        return new Views(user, today, week, budget(user));
    }

    /** The views of every analyst and lead of the organisation, for its leads. */
    public List<Views> team(java.util.UUID organisation, StaffUsers users) {
        return users.members(organisation).stream()
                .filter(StaffUsers.Member::enabled)
                .map(StaffUsers.Member::user)
                .filter(u -> u.role() == Role.ANALYST || u.role() == Role.LEAD)
                .map(this::of)
                .toList();
    }

    private int budget(StaffUser user) {
        return Optional.ofNullable(settings.of(user.organisation()).dailyExposure())
                .orElseGet(() -> environment.getProperty("filet.media.daily-exposure", Integer.class, DEFAULT_BUDGET));
    }
}
