package org.filet.server.people;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A staff user's second factors: a TOTP secret with its one-time recovery codes, and passkeys (the WebAuthn tables
 * Spring Security's JDBC repositories keep, keyed by the user's email). A user with no confirmed factor is sent to
 * enrol before anything else.
 */
@Component
public class SecondFactors {

    static final int RECOVERY_CODES = 10;

    private final JdbcClient jdbc;
    private final PeopleAudit audit;

    SecondFactors(JdbcClient jdbc, PeopleAudit audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    public record Passkey(String label, Instant created, Instant lastUsed) {}

    /** What a user has enrolled. */
    public record Enrolled(boolean totp, int recoveryCodesLeft, List<Passkey> passkeys) {
        public boolean any() {
            return totp || !passkeys.isEmpty();
        }
    }

    public Enrolled of(StaffUser user) {
        boolean totp = jdbc.sql("select count(*) from staff_totp where user_id = ? and confirmed_at is not null")
                        .param(user.id())
                        .query(Long.class)
                        .single()
                > 0;
        int codes = jdbc.sql("select count(*) from recovery_code where user_id = ? and used_at is null")
                .param(user.id())
                .query(Long.class)
                .single()
                .intValue();
        List<Passkey> passkeys = jdbc.sql("""
                        select c.label, c.created, c.last_used from user_credentials c
                        join user_entities e on e.id = c.user_entity_user_id where e.name = ? order by c.created""")
                .param(user.email())
                .query((rs, n) -> new Passkey(
                        rs.getString(1),
                        rs.getTimestamp(2).toInstant(),
                        rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant()))
                .list();
        return new Enrolled(totp, codes, passkeys);
    }

    /** A fresh, unconfirmed TOTP secret for the user (replacing an unconfirmed one). Refused if one is confirmed. */
    @Transactional
    public String beginTotp(StaffUser user) {
        Optional<Boolean> confirmed = jdbc.sql("select confirmed_at is not null from staff_totp where user_id = ?")
                .param(user.id())
                .query(Boolean.class)
                .optional();
        if (confirmed.orElse(false)) {
            throw new IllegalStateException("an authenticator app is already enrolled");
        }
        String secret = Totp.newSecret();
        jdbc.sql("""
                        insert into staff_totp (user_id, secret) values (?, ?)
                        on conflict (user_id) do update set secret = excluded.secret, last_step = 0""").params(user.id(), secret).update();
        return secret;
    }

    /** The pending secret, to show it again while the user has not confirmed it. */
    public Optional<String> pendingSecret(StaffUser user) {
        return jdbc.sql("select secret from staff_totp where user_id = ? and confirmed_at is null")
                .param(user.id())
                .query(String.class)
                .optional();
    }

    /**
     * Confirms the pending secret with a first code from the app; returns the recovery codes, shown once (only their
     * hashes are kept), or empty if the code is wrong.
     */
    @Transactional
    public Optional<List<String>> confirmTotp(StaffUser user, String code) {
        Optional<String> secret = pendingSecret(user);
        if (secret.isEmpty()) {
            return Optional.empty();
        }
        OptionalLong step = Totp.matchingStep(secret.get(), code, Instant.now());
        if (step.isEmpty()) {
            return Optional.empty();
        }
        jdbc.sql("update staff_totp set confirmed_at = now(), last_step = ? where user_id = ?")
                .params(step.getAsLong(), user.id())
                .update();
        jdbc.sql("delete from recovery_code where user_id = ?").param(user.id()).update();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            String c = Secrets.token("", 10);
            codes.add(c.substring(0, 5) + "-" + c.substring(5));
            jdbc.sql("insert into recovery_code (user_id, code_hash) values (?, ?)")
                    .params(user.id(), Secrets.hash(c))
                    .update();
        }
        audit.record(user.organisation(), user.id(), "factor.totp.enrolled", user.id(), null, Map.of("totp", true));
        return Optional.of(codes);
    }

    /** Checks a code from the app; a time step is accepted once. */
    @Transactional
    public boolean verifyTotp(StaffUser user, String code) {
        Optional<String> secret = jdbc.sql(
                        "select secret from staff_totp where user_id = ? and confirmed_at is not null for update")
                .param(user.id())
                .query(String.class)
                .optional();
        if (secret.isEmpty()) {
            return false;
        }
        OptionalLong step = Totp.matchingStep(secret.get(), code, Instant.now());
        return step.isPresent()
                && jdbc.sql("update staff_totp set last_step = ? where user_id = ? and last_step < ?")
                                .params(step.getAsLong(), user.id(), step.getAsLong())
                                .update()
                        == 1;
    }

    /** Uses one recovery code (in place of a code from the app); each works once. */
    @Transactional
    public boolean useRecoveryCode(StaffUser user, String code) {
        if (code == null) {
            return false;
        }
        String normalised =
                code.strip().toLowerCase(java.util.Locale.ROOT).replace("-", "").replace(" ", "");
        boolean used = jdbc.sql(
                                "update recovery_code set used_at = now() where user_id = ? and code_hash = ? and used_at is null")
                        .params(user.id(), Secrets.hash(normalised))
                        .update()
                == 1;
        if (used) {
            audit.record(user.organisation(), user.id(), "factor.recovery-code.used", user.id(), null, null);
        }
        return used;
    }

    /** Removes every factor of the user (an administrator's act, recorded); they enrol again at their next login. */
    @Transactional
    public void reset(StaffUser user, UUID by) {
        Enrolled before = of(user);
        jdbc.sql("delete from staff_totp where user_id = ?").param(user.id()).update();
        jdbc.sql("delete from recovery_code where user_id = ?").param(user.id()).update();
        jdbc.sql("delete from user_entities where name = ?").param(user.email()).update();
        audit.record(
                user.organisation(),
                by,
                "factor.reset",
                user.id(),
                Map.of("totp", before.totp(), "passkeys", before.passkeys().size()),
                Map.of("totp", false, "passkeys", 0));
    }
}
