package org.filet.server.retention;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.filet.server.cases.Cases;
import org.filet.server.people.StaffUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Legal holds on cases. A hold blocks every deletion of the case's reports (files and contact details) until it is
 * lifted. Only a lead or an administrator of the case's organisation sets or lifts one, always with a reason; both are
 * kept (append-only), the hold of a case being its latest event.
 */
@Component
public class LegalHolds {

    /** A hold or its lifting, as recorded. */
    public record Event(String caseNumber, String action, UUID by, Instant at, String reason) {}

    /** The act is not allowed: not a lead or administrator, unknown case, no reason, nothing to lift. */
    static final class Refused extends RuntimeException {
        private final String key;

        /** @param key the message that tells the user why, in their language */
        Refused(String key, String message) {
            super(message);
            this.key = key;
        }

        String key() {
            return key;
        }
    }

    private final JdbcClient jdbc;
    private final Cases cases;

    LegalHolds(JdbcClient jdbc, Cases cases) {
        this.jdbc = jdbc;
        this.cases = cases;
    }

    @Transactional
    public void set(StaffUser user, String caseNumber, String reason) {
        record(user, caseNumber, reason, "set");
    }

    @Transactional
    public void lift(StaffUser user, String caseNumber, String reason) {
        record(user, caseNumber, reason, "lifted");
    }

    private void record(StaffUser user, String caseNumber, String reason, String action) {
        if (!user.role().leads()) {
            throw new Refused(
                    "retention.refused.notLead", "only a lead or an administrator sets or lifts a legal hold");
        }
        if (reason == null || reason.isBlank() || reason.length() > 2000) {
            throw new Refused("retention.refused.reason", "reason: a legal hold needs a reason (1 to 2000 characters)");
        }
        UUID caseId = cases.find(user.organisation(), caseNumber == null ? "" : caseNumber.trim())
                .orElseThrow(
                        () -> new Refused("retention.refused.noCase", "caseNumber: no such case in your organisation"))
                .id();
        // one decision at a time per case: two leads acting at once cannot both "set" or both "lift"
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))")
                .param("legal-hold:" + caseId)
                .query((rs, n) -> 1)
                .list();
        boolean held = held(caseId);
        if (held == action.equals("set")) {
            throw new Refused(
                    held ? "retention.refused.alreadyHeld" : "retention.refused.notHeld",
                    held ? "caseNumber: the case is already on hold" : "caseNumber: the case is not on hold");
        }
        jdbc.sql("insert into legal_hold_event (case_id, action, by_user, reason) values (?, ?, ?, ?)")
                .params(caseId, action, user.id(), reason.strip())
                .update();
    }

    boolean held(UUID caseId) {
        return jdbc.sql("select action from legal_hold_event where case_id = ? order by id desc limit 1")
                .param(caseId)
                .query(String.class)
                .optional()
                .map("set"::equals)
                .orElse(false);
    }

    /** The cases of an organisation on hold now, with the event that put them there. */
    public List<Event> active(UUID organisation) {
        return jdbc.sql("""
                        select c.number, h.action, h.by_user, h.at, h.reason from filet_case c
                        join lateral (select * from legal_hold_event e where e.case_id = c.id order by e.id desc limit 1) h on true
                        where c.organisation = ? and h.action = 'set' order by h.at desc""").param(organisation).query(LegalHolds::event).list();
    }

    /** Every hold set or lifted in an organisation, newest first. */
    public List<Event> history(UUID organisation) {
        return jdbc.sql("""
                        select c.number, h.action, h.by_user, h.at, h.reason from legal_hold_event h
                        join filet_case c on c.id = h.case_id where c.organisation = ? order by h.id desc limit 200""").param(organisation).query(LegalHolds::event).list();
    }

    private static Event event(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Event(
                rs.getString(1),
                rs.getString(2),
                rs.getObject(3, UUID.class),
                rs.getTimestamp(4).toInstant(),
                rs.getString(5));
    }
}
