package org.filet.server.people;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Token buckets kept in PostgreSQL (Bucket4j), so a limit holds across every server node. A failure-counted limit
 * (logins, access codes) is {@link #check checked} before the attempt and {@link #charge charged} only when the
 * attempt fails; a rate limit (intake) is {@link #take taken} for every request.
 *
 * <p>Guarantees: the bucket of a key is changed under a row lock, so two nodes never both spend its last token. Keys
 * are stored as SHA-256 hashes. A full bucket's row expires and is removed.
 */
@Component
public class Throttle {

    /** What is limited, and for which key. */
    public enum Limit {
        /** wrong passwords for one account (key: e-mail address) */
        LOGIN_ACCOUNT,
        /** wrong passwords from one client address */
        LOGIN_ADDRESS,
        /** wrong access codes for one receipt */
        ACCESS_CODE_RECEIPT,
        /** wrong access codes from one client address */
        ACCESS_CODE_ADDRESS,
        /** anonymous reports from one client address */
        INTAKE_ADDRESS
    }

    /** The answer: allowed, or not before {@code retryAfterSeconds}. */
    public record Verdict(boolean allowed, long retryAfterSeconds) {
        static final Verdict ALLOWED = new Verdict(true, 0);

        static Verdict refusedFor(long nanos) {
            return new Verdict(false, Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L));
        }
    }

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;
    private final ThrottleSettings settings;
    private final JdbcClient jdbc;

    Throttle(DataSource dataSource, ThrottleSettings settings, JdbcClient jdbc) {
        this.settings = settings;
        this.jdbc = jdbc;
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("throttle_bucket")
                .idColumn("id")
                .stateColumn("state")
                .expiresAtColumn("expires_at")
                .expirationAfterWrite(
                        ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
                .build();
    }

    /** Whether one more attempt is allowed now, without spending anything. */
    public Verdict check(Limit limit, String key) {
        EstimationProbe probe = bucket(limit, key).estimateAbilityToConsume(1);
        return probe.canBeConsumed() ? Verdict.ALLOWED : Verdict.refusedFor(probe.getNanosToWaitForRefill());
    }

    /** Records a failed attempt; answers whether another one is still allowed afterwards. */
    public Verdict charge(Limit limit, String key) {
        var bucket = bucket(limit, key);
        bucket.consumeIgnoringRateLimits(1);
        EstimationProbe probe = bucket.estimateAbilityToConsume(1);
        return probe.canBeConsumed() ? Verdict.ALLOWED : Verdict.refusedFor(probe.getNanosToWaitForRefill());
    }

    /** Takes a token for a request: allowed, or refused with the time until the next token. */
    public Verdict take(Limit limit, String key) {
        io.github.bucket4j.ConsumptionProbe probe;
        try {
            probe = bucket(limit, key).tryConsumeAndReturnRemaining(1);
        } catch (RuntimeException e) {
            // a batched proxy whose row expired meanwhile cannot rebuild it: forget it and go through a plain proxy
            intakeBuckets.remove(id(limit, key));
            probe = buckets.builder()
                    .build(id(limit, key), configuration(limit, key))
                    .tryConsumeAndReturnRemaining(1);
        }
        return probe.isConsumed() ? Verdict.ALLOWED : Verdict.refusedFor(probe.getNanosToWaitForRefill());
    }

    /**
     * Records, append-only, that a report was kept although its sender was over the intake limit (one that says a
     * child is in immediate danger is never refused).
     */
    public void recordKeptOverLimit(String receipt) {
        jdbc.sql("insert into intake_over_limit (receipt) values (?) on conflict do nothing")
                .param(receipt)
                .update();
    }

    /** Forgets a key's failures (a successful login). */
    public void reset(Limit limit, String key) {
        buckets.removeProxy(id(limit, key));
    }

    @Scheduled(fixedDelay = 600_000, initialDelay = 600_000)
    void removeFullBuckets() {
        while (buckets.removeExpired(1000) == 1000) {
            // the next batch
        }
    }

    /**
     * Intake buckets are kept per node with Bucket4j's batching: requests for the same address that arrive while one
     * is at the database are merged into its round trip, so many clients behind one address do not queue on the row
     * lock one by one. The limit stays exact (every token is still taken in PostgreSQL). Bounded: cleared when large.
     */
    private final java.util.concurrent.ConcurrentHashMap<String, io.github.bucket4j.distributed.BucketProxy>
            intakeBuckets = new java.util.concurrent.ConcurrentHashMap<>();

    private io.github.bucket4j.distributed.BucketProxy bucket(Limit limit, String key) {
        if (limit == Limit.INTAKE_ADDRESS) {
            if (intakeBuckets.size() > 10_000) {
                intakeBuckets.clear();
            }
            return intakeBuckets.computeIfAbsent(id(limit, key), id -> {
                buckets.builder()
                        .build(id, configuration(limit, key))
                        .getAvailableTokens(); // the row exists before batching
                return buckets.builder()
                        .withOptimization(io.github.bucket4j.distributed.proxy.optimization.Optimizations.batching())
                        .build(id, configuration(limit, key));
            });
        }
        return buckets.builder().build(id(limit, key), configuration(limit, key));
    }

    private Supplier<BucketConfiguration> configuration(Limit limit, String key) {
        return () -> switch (limit) {
            case LOGIN_ACCOUNT -> failures(settings.loginFailures(), settings.loginLock());
            case LOGIN_ADDRESS -> failures(settings.loginAddressFailures(), settings.loginLock());
            case ACCESS_CODE_RECEIPT -> failures(settings.accessCodeFailures(), settings.accessCodeWindow());
            case ACCESS_CODE_ADDRESS -> failures(settings.accessCodeAddressFailures(), settings.accessCodeWindow());
            case INTAKE_ADDRESS -> {
                // a listed address (a partner platform) may send its whole hourly allowance at once
                Integer wide = settings.intakePerHourFor().get(key);
                int perHour = wide == null ? settings.intakePerHour() : wide;
                int burst = wide == null ? settings.intakeBurst() : Math.max(settings.intakeBurst(), wide);
                yield BucketConfiguration.builder()
                        .addLimit(l -> l.capacity(burst).refillGreedy(perHour, Duration.ofHours(1)))
                        .build();
            }
        };
    }

    private static BucketConfiguration failures(int allowed, Duration refilledWithin) {
        return BucketConfiguration.builder()
                .addLimit(l -> l.capacity(allowed).refillGreedy(allowed, refilledWithin))
                .build();
    }

    private static String id(Limit limit, String key) {
        byte[] digest;
        try {
            digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(key.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return limit.name().toLowerCase(Locale.ROOT) + ":" + HexFormat.of().formatHex(digest);
    }
}
