package org.filet.server.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PagedTest {

    @Test
    void everyItemIsOnExactlyOnePageInOrder() {
        for (int size = 0; size < 40; size++) {
            List<Integer> all = IntStream.range(0, size).boxed().toList();
            for (int perPage = 1; perPage < 12; perPage++) {
                Paged<Integer> first = Paged.of(all, 1, perPage);
                List<Integer> seen = new ArrayList<>();
                for (int page = 1; page <= first.pages(); page++) {
                    Paged<Integer> p = Paged.of(all, page, perPage);
                    assertThat(p.items()).hasSizeLessThanOrEqualTo(perPage);
                    assertThat(p.from()).isEqualTo(seen.size());
                    seen.addAll(p.items());
                }
                assertThat(seen).isEqualTo(all);
                assertThat(first.pages()).isEqualTo(Math.max(1, (size + perPage - 1) / perPage));
            }
        }
    }

    @Test
    void outOfRangeReadsAsTheNearestPageAndABadSizeIsRefused() {
        List<Integer> all = List.of(1, 2, 3, 4, 5);
        assertThat(Paged.of(all, 9, 2).items()).containsExactly(5);
        assertThat(Paged.of(all, 9, 2).hasNext()).isFalse();
        assertThat(Paged.of(all, -1, 2).items()).containsExactly(1, 2);
        assertThat(Paged.of(all, -1, 2).hasPrevious()).isFalse();
        assertThatThrownBy(() -> Paged.of(all, 1, 0)).hasMessageContaining("perPage");
    }
}
