package org.filet.server.retention;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Each organisation's retention periods. Absent: files kept without limit, contact details erased on closure. */
@Component
class RetentionPolicies {

    /** Null periods are not applied. */
    record Policy(Integer closedUnreferredMonths, Integer referredYears, boolean contactOnClose) {
        static final Policy DEFAULT = new Policy(null, null, true);

        Policy {
            if (closedUnreferredMonths != null && (closedUnreferredMonths < 1 || closedUnreferredMonths > 1200)) {
                throw new IllegalArgumentException("closedUnreferredMonths: 1 to 1200 months");
            }
            if (referredYears != null && (referredYears < 1 || referredYears > 100)) {
                throw new IllegalArgumentException("referredYears: 1 to 100 years");
            }
        }
    }

    private final JdbcClient jdbc;

    RetentionPolicies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Policy of(UUID organisation) {
        return jdbc.sql(
                        "select closed_unreferred_months, referred_years, contact_on_close from retention_policy where organisation = ?")
                .param(organisation)
                .query((rs, n) -> new Policy((Integer) rs.getObject(1), (Integer) rs.getObject(2), rs.getBoolean(3)))
                .optional()
                .orElse(Policy.DEFAULT);
    }

    void save(UUID organisation, Policy p, UUID by) {
        jdbc.sql("""
                        insert into retention_policy (organisation, closed_unreferred_months, referred_years, contact_on_close, updated_by)
                        values (?, ?, ?, ?, ?)
                        on conflict (organisation) do update set closed_unreferred_months = excluded.closed_unreferred_months,
                            referred_years = excluded.referred_years, contact_on_close = excluded.contact_on_close,
                            updated_by = excluded.updated_by, updated_at = now()""")
                .params(organisation, p.closedUnreferredMonths(), p.referredYears(), p.contactOnClose(), by)
                .update();
    }
}
