package org.filet.server.linking;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.filet.identifiers.network.Networks;
import org.filet.verify.Sha256;

/**
 * Every report's network in memory: linked from scratch at start from the stored identifiers and picture matches (the
 * identifiers module's bounded union-find), then incrementally as reports are analysed. Gives the size of a report's
 * network at once; the network page draws it.
 */
@Component
public class NetworkIndex {

    private final Map<UUID, Integer> numbers = new HashMap<>();
    private final Networks networks;

    NetworkIndex(JdbcClient jdbc) {
        List<UUID> reports = new ArrayList<>();
        List<Long> keys = new ArrayList<>();
        List<Integer> owners = new ArrayList<>();
        for (String sql : new String[] {
                "select report_id, key from report_identifier where not common",
                "select report_id, 'PICTURE/' || trim(file_sha256) from media_hash where pdq is not null",
                "select report_id, 'PICTURE/' || trim(matched_file_sha256) from media_match"}) {
            jdbc.sql(sql).query((rs, n) -> {
                owners.add(numbers.computeIfAbsent(rs.getObject(1, UUID.class), id -> {
                    reports.add(id);
                    return reports.size() - 1;
                }));
                keys.add(hash(rs.getString(2)));
                return null;
            }).list();
        }
        int[] ownerArray = owners.stream().mapToInt(Integer::intValue).toArray();
        long[] keyArray = keys.stream().mapToLong(Long::longValue).toArray();
        this.networks = Networks.build(Math.max(16, reports.size()), ownerArray, keyArray, Links.PER_VALUE_CAP);
    }

    /** Adds (or re-adds) a report's identifiers; returns the size of its network. */
    public synchronized int add(UUID report, List<String> keys) {
        int number = numbers.computeIfAbsent(report, id -> numbers.size());
        return networks.networkSize(networks.addReport(number, keys.stream().mapToLong(NetworkIndex::hash).toArray()));
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
