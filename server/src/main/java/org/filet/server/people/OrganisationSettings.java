package org.filet.server.people;

import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What an organisation decides for itself: which urgency rules it applies, the PDQ distance at which two pictures are
 * the same for it, and its reviewers' daily exposure budget. Absent values fall back to the instance's defaults.
 */
@Component
public class OrganisationSettings {

    private final JdbcClient jdbc;
    private final PeopleAudit audit;

    OrganisationSettings(JdbcClient jdbc, PeopleAudit audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** The stored choices; null fields are not set. */
    public record Settings(
            Boolean urgentMeeting,
            Boolean urgentAddress,
            Boolean urgentWhereNow,
            Boolean urgentThreat,
            Boolean urgentSelfHarm,
            Integer urgentChildBelow,
            Integer matchDistance,
            Integer dailyExposure) {
        public static final Settings NONE = new Settings(null, null, null, null, null, null, null, null);
    }

    public Settings of(UUID organisation) {
        return jdbc.sql("""
                        select urgent_meeting, urgent_address, urgent_where_now, urgent_threat, urgent_self_harm,
                               urgent_child_below, match_distance, daily_exposure
                        from organisation_settings where organisation = ?""")
                .param(organisation)
                .query((rs, n) -> new Settings(
                        (Boolean) rs.getObject(1),
                        (Boolean) rs.getObject(2),
                        (Boolean) rs.getObject(3),
                        (Boolean) rs.getObject(4),
                        (Boolean) rs.getObject(5),
                        (Integer) rs.getObject(6),
                        (Integer) rs.getObject(7),
                        (Integer) rs.getObject(8)))
                .optional()
                .orElse(Settings.NONE);
    }

    /** Replaces the organisation's choices (an administrator's act, recorded with the values before and after). */
    @org.springframework.transaction.annotation.Transactional
    public void save(UUID organisation, Settings s, UUID by) {
        if (s.matchDistance() != null && (s.matchDistance() < 0 || s.matchDistance() > 64)) {
            throw new IllegalArgumentException("match distance must be 0..64");
        }
        if (s.urgentChildBelow() != null && (s.urgentChildBelow() < 0 || s.urgentChildBelow() > 18)) {
            throw new IllegalArgumentException("child age must be 0..18");
        }
        if (s.dailyExposure() != null && s.dailyExposure() < 0) {
            throw new IllegalArgumentException("daily exposure must be >= 0");
        }
        Settings before = of(organisation);
        jdbc.sql("""
                        insert into organisation_settings (organisation, urgent_meeting, urgent_address, urgent_where_now,
                            urgent_threat, urgent_self_harm, urgent_child_below, match_distance, daily_exposure, updated_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (organisation) do update set urgent_meeting = excluded.urgent_meeting,
                            urgent_address = excluded.urgent_address, urgent_where_now = excluded.urgent_where_now,
                            urgent_threat = excluded.urgent_threat, urgent_self_harm = excluded.urgent_self_harm,
                            urgent_child_below = excluded.urgent_child_below, match_distance = excluded.match_distance,
                            daily_exposure = excluded.daily_exposure, updated_by = excluded.updated_by, updated_at = now()""")
                .params(
                        organisation,
                        s.urgentMeeting(),
                        s.urgentAddress(),
                        s.urgentWhereNow(),
                        s.urgentThreat(),
                        s.urgentSelfHarm(),
                        s.urgentChildBelow(),
                        s.matchDistance(),
                        s.dailyExposure(),
                        by)
                .update();
        if (!before.equals(s)) {
            audit.record(organisation, by, "organisation.settings", null, before, s);
        }
    }

    public Optional<Integer> matchDistance(UUID organisation) {
        return Optional.ofNullable(of(organisation).matchDistance());
    }
}
