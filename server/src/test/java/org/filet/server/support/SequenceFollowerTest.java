package org.filet.server.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SequenceFollowerTest {

    /** A table whose rows become visible in any order, as concurrent transactions commit. */
    private final TreeMap<Long, String> visible = new TreeMap<>();

    private List<SequenceFollower.Sequenced<String>> read(long after, long[] gaps) {
        List<SequenceFollower.Sequenced<String>> rows = new ArrayList<>();
        visible.forEach((seq, row) -> {
            if (seq > after || Arrays.stream(gaps).anyMatch(g -> g == seq)) {
                rows.add(new SequenceFollower.Sequenced<>(seq, row));
            }
        });
        return rows;
    }

    private List<String> catchUp(SequenceFollower<String> follower, Instant now) {
        return follower.catchUp(this::read, now).stream()
                .map(SequenceFollower.Sequenced::row)
                .toList();
    }

    @Test
    void aRowThatCommitsAfterALaterOneIsStillAppliedOnce() {
        SequenceFollower<String> follower = new SequenceFollower<>(0, Duration.ofMinutes(10));
        Instant t = Instant.parse("2026-12-07T10:00:00Z");
        visible.put(1L, "a");
        visible.put(3L, "c"); // 2 is still in flight
        assertThat(catchUp(follower, t)).containsExactly("a", "c");
        assertThat(follower.gaps()).isEqualTo(1);

        visible.put(2L, "b");
        visible.put(4L, "d");
        assertThat(catchUp(follower, t.plusSeconds(1))).containsExactly("b", "d");
        assertThat(follower.gaps()).isZero();
        assertThat(catchUp(follower, t.plusSeconds(2))).isEmpty();
        assertThat(follower.last()).isEqualTo(4);
    }

    @Test
    void aValueThatNeverAppearsIsForgottenAfterThePatience() {
        SequenceFollower<String> follower = new SequenceFollower<>(0, Duration.ofMinutes(10));
        Instant t = Instant.parse("2026-12-07T10:00:00Z");
        visible.put(2L, "b"); // 1 was rolled back
        assertThat(catchUp(follower, t)).containsExactly("b");
        assertThat(follower.gaps()).isEqualTo(1);
        assertThat(catchUp(follower, t.plus(Duration.ofMinutes(11)))).isEmpty();
        assertThat(follower.gaps()).isZero();
        visible.put(1L, "late"); // too late: it was given up
        assertThat(catchUp(follower, t.plus(Duration.ofMinutes(12)))).isEmpty();
    }

    @Test
    void onlyRecentHolesAreAwaited() {
        SequenceFollower<String> follower = new SequenceFollower<>(0, Duration.ofMinutes(10));
        visible.put(1_000_000L, "far");
        assertThat(catchUp(follower, Instant.now())).containsExactly("far");
        assertThat(follower.gaps()).isEqualTo(1_000);
    }
}
