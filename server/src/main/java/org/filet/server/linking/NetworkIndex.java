package org.filet.server.linking;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.filet.identifiers.network.Networks;
import org.filet.server.media.PictureKeys;
import org.filet.server.support.ChangeNotices;
import org.filet.server.support.SequenceFollower;
import org.filet.verify.Sha256;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every report's network in memory: linked from scratch at start from the stored identifiers and media's picture keys
 * (the identifiers module's bounded union-find), then incrementally. A change of a report's keys is
 * {@linkplain #record recorded} in {@code network_change} in the transaction of the change, and every node follows
 * that table by sequence ({@link ChangeNotices}), so the network sizes are the same on every node. Gives the size of a
 * report's network at once; the network page draws it.
 */
@Component
public class NetworkIndex {

    static final String TOPIC = "networks";

    private final Map<UUID, Integer> numbers = new HashMap<>();
    private final Networks networks;
    private final JdbcClient jdbc;
    private final ChangeNotices notices;
    private final SequenceFollower<Change> changes;

    private record Change(UUID report, List<String> keys) {}

    NetworkIndex(JdbcClient jdbc, PictureKeys pictures, ChangeNotices notices, ObjectProvider<MeterRegistry> meters) {
        this.jdbc = jdbc;
        this.notices = notices;
        // changes from here on are applied after the build; one that lands during it is applied twice, which only
        // counts its values once more against the per-value cap (conservative)
        long start = jdbc.sql("select coalesce(max(seq), 0) from network_change")
                .query(Long.class)
                .single();
        List<UUID> reports = new ArrayList<>();
        List<Long> keys = new ArrayList<>();
        List<Integer> owners = new ArrayList<>();
        java.util.function.BiConsumer<UUID, String> pair = (report, key) -> {
            owners.add(numbers.computeIfAbsent(report, id -> {
                reports.add(id);
                return reports.size() - 1;
            }));
            keys.add(hash(key));
        };
        jdbc.sql("select report_id, key from report_identifier where not common")
                .query((rs, n) -> {
                    pair.accept(rs.getObject(1, UUID.class), rs.getString(2));
                    return null;
                })
                .list();
        pictures.forEach(pair);
        int[] ownerArray = owners.stream().mapToInt(Integer::intValue).toArray();
        long[] keyArray = keys.stream().mapToLong(Long::longValue).toArray();
        this.networks = Networks.build(Math.max(16, reports.size()), ownerArray, keyArray, Links.PER_VALUE_CAP);
        this.changes = new SequenceFollower<>(start, Duration.ofMinutes(10));
        meters.ifAvailable(registry -> Gauge.builder("filet.index.network.reports", this, NetworkIndex::reports)
                .description("reports in this node's in-memory network index")
                .register(registry));
        notices.follow(new ChangeNotices.Follower() {
            @Override
            public String topic() {
                return TOPIC;
            }

            @Override
            public void catchUp() {
                NetworkIndex.this.catchUp();
            }
        });
    }

    /**
     * Records that a report gained linkable keys; call it in the transaction of the change. Every node, this one
     * included once the transaction commits, adds them to its networks.
     */
    public void record(UUID report, List<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        jdbc.sql("insert into network_change (report_id, keys) values (?, ?)")
                .params(report, keys.toArray(String[]::new))
                .update();
        notices.announce(TOPIC);
    }

    /** Applies the changes committed since the last catch-up, on whichever node they were made. */
    public synchronized void catchUp() {
        for (SequenceFollower.Sequenced<Change> c : changes.catchUp(
                (after, gaps) -> jdbc.sql("""
                        select seq, report_id, keys from network_change where seq > ? or seq = any (?) order by seq""")
                        .params(after, gaps)
                        .query((rs, n) -> new SequenceFollower.Sequenced<>(
                                rs.getLong(1), new Change(rs.getObject(2, UUID.class), List.of((String[])
                                        rs.getArray(3).getArray()))))
                        .list(),
                Instant.now())) {
            add(c.row().report(), c.row().keys());
        }
    }

    @Scheduled(fixedDelay = 3_600_000, initialDelay = 3_600_000)
    void forgetOldChanges() {
        jdbc.sql("delete from network_change where at < now() - interval '1 day'")
                .update();
    }

    private int add(UUID report, List<String> keys) {
        int number = numbers.computeIfAbsent(report, id -> numbers.size());
        return networks.networkSize(networks.addReport(
                number, keys.stream().mapToLong(NetworkIndex::hash).toArray()));
    }

    /** How many reports this node's index holds. */
    public synchronized int reports() {
        return numbers.size();
    }

    /** How many reports the report's network holds (1 when it stands alone or is unknown). */
    public synchronized int sizeOf(UUID report) {
        Integer number = numbers.get(report);
        return number == null ? 1 : networks.networkSize(number);
    }

    static long hash(String key) {
        byte[] d = Sha256.newDigest().digest(key.getBytes(StandardCharsets.UTF_8));
        long h = 0;
        for (int i = 0; i < 8; i++) {
            h = (h << 8) | (d[i] & 0xff);
        }
        return h;
    }
}
