package org.filet.server.people;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Volunteer vetting: for each analyst, what the organisation checked (criminal-record extract, reference, interview),
 * the training completed and the confidentiality agreement signed, each with who checked it and when. An analyst whose
 * vetting lacks any of these cannot open reports. Leads and administrators are employees the organisation vets by its
 * own means; the rule applies to analysts, the volunteers.
 */
@Component
public class Vetting {

    public enum Kind {
        CRIMINAL_RECORD,
        REFERENCE,
        INTERVIEW,
        TRAINING,
        CONFIDENTIALITY;

        public String code() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static Kind parse(String code) {
            try {
                return valueOf(code.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("unknown vetting check '" + code + "'");
            }
        }
    }

    public record Check(
            Kind kind,
            LocalDate doneOn,
            String checkedBy,
            @Nullable String note,
            UUID recordedBy,
            Instant recordedAt) {}

    private final JdbcClient jdbc;
    private final PeopleAudit audit;

    Vetting(JdbcClient jdbc, PeopleAudit audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    public List<Check> of(UUID user) {
        return jdbc.sql("""
                        select kind, done_on, checked_by, note, recorded_by, recorded_at from vetting_check
                        where user_id = ? order by done_on, recorded_at""")
                .param(user)
                .query((rs, n) -> new Check(
                        Kind.parse(rs.getString(1)),
                        rs.getDate(2).toLocalDate(),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getObject(5, UUID.class),
                        rs.getTimestamp(6).toInstant()))
                .list();
    }

    /** The checks still missing; empty when the vetting is complete. */
    public Set<Kind> missing(UUID user) {
        Set<Kind> missing = EnumSet.allOf(Kind.class);
        of(user).forEach(c -> missing.remove(c.kind()));
        return missing;
    }

    /** May this user open reports? Only analysts need a complete vetting. */
    public boolean cleared(StaffUser user) {
        return user.role() != Role.ANALYST || missing(user.id()).isEmpty();
    }

    /** Records one check (an administrator's act, recorded in the audit). */
    @Transactional
    public void record(
            StaffUser subject, Kind kind, LocalDate doneOn, String checkedBy, @Nullable String note, UUID by) {
        if (doneOn == null || doneOn.isAfter(LocalDate.now().plusDays(1))) {
            throw new IllegalArgumentException("doneOn: a date not in the future is required");
        }
        if (checkedBy == null || checkedBy.isBlank() || checkedBy.length() > 200) {
            throw new IllegalArgumentException("checkedBy: 1 to 200 characters");
        }
        if (note != null && note.length() > 1000) {
            throw new IllegalArgumentException("note: at most 1000 characters");
        }
        String before = missing(subject.id()).stream().map(Kind::code).collect(Collectors.joining(","));
        jdbc.sql(
                        "insert into vetting_check (id, user_id, kind, done_on, checked_by, note, recorded_by) values (?, ?, ?, ?, ?, ?, ?)")
                .params(
                        UUID.randomUUID(),
                        subject.id(),
                        kind.code(),
                        java.sql.Date.valueOf(doneOn),
                        checkedBy.strip(),
                        note == null || note.isBlank() ? null : note.strip(),
                        by)
                .update();
        String after = missing(subject.id()).stream().map(Kind::code).collect(Collectors.joining(","));
        audit.record(
                subject.organisation(),
                by,
                "vetting." + kind.code(),
                subject.id(),
                Map.of("missing", before),
                Map.of("missing", after, "doneOn", doneOn.toString(), "checkedBy", checkedBy.strip()));
    }
}
