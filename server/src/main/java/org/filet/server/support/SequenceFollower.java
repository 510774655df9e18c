package org.filet.server.support;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Follows an append-only table by its sequence column, so that an in-memory cache of it on every node ends up with every
 * committed row exactly once. Sequence values are taken when a row is inserted but become visible when its transaction
 * commits, and transactions commit out of order: a reader that has seen 12 may not yet see 11. So the follower
 * remembers the values it skipped (gaps) and asks for them again at every catch-up until they appear, or until they
 * are older than {@code gapPatience} (a rolled-back insert, or an {@code on conflict do nothing}, leaves a value that
 * never appears). Not thread-safe: its owner serialises catch-ups.
 *
 * @param <R> a row read from the table
 */
public final class SequenceFollower<R> {

    /** A row and its sequence value. */
    public record Sequenced<R>(long seq, R row) {}

    /**
     * How far below a row a skipped value is still awaited. Only transactions in flight at the same time leave gaps
     * that fill later, and a node has far fewer connections than this; older holes are values that will never appear.
     */
    private static final int MAX_GAPS = 1_000;

    private final Duration gapPatience;
    private long last;
    private final Map<Long, Instant> gaps = new LinkedHashMap<>();

    /** @param after the last value already applied (0 for none) */
    public SequenceFollower(long after, Duration gapPatience) {
        this.last = after;
        this.gapPatience = gapPatience;
    }

    /**
     * Reads the rows past the last value and the rows of the remembered gaps, in sequence order, and returns them for
     * the caller to apply. {@code read} is given the last value and the gaps ({@code seq > last or seq = any(gaps)}).
     */
    public List<Sequenced<R>> catchUp(BiFunction<Long, long[], List<Sequenced<R>>> read, Instant now) {
        gaps.values().removeIf(since -> since.plus(gapPatience).isBefore(now));
        long[] pending = gaps.keySet().stream().mapToLong(Long::longValue).toArray();
        List<Sequenced<R>> rows = new ArrayList<>(read.apply(last, pending));
        rows.sort((a, b) -> Long.compare(a.seq(), b.seq()));
        List<Sequenced<R>> fresh = new ArrayList<>(rows.size());
        for (Sequenced<R> r : rows) {
            if (r.seq() <= last) {
                if (gaps.remove(r.seq()) != null) {
                    fresh.add(r);
                }
                continue;
            }
            for (long missing = Math.max(last + 1, r.seq() - MAX_GAPS); missing < r.seq(); missing++) {
                gaps.put(missing, now);
            }
            last = r.seq();
            fresh.add(r);
        }
        while (gaps.size() > MAX_GAPS) {
            gaps.remove(gaps.keySet().iterator().next());
        }
        return fresh;
    }

    /** The highest value applied. */
    public long last() {
        return last;
    }

    /** How many skipped values are still awaited. */
    public int gaps() {
        return gaps.size();
    }
}
