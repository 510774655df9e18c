package org.filet.chatexport.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DateOrderTest {
    private static DateOrder.Decision infer(int[]... dates) {
        return DateOrder.infer(List.of(dates));
    }

    @Test
    void valueAboveTwelveDecidesWithoutAmbiguity() {
        assertThat(infer(new int[] {1, 2, 20}, new int[] {13, 2, 20}))
                .isEqualTo(new DateOrder.Decision(true, DateOrder.Basis.VALUE_ABOVE_12));
        assertThat(infer(new int[] {1, 2, 20}, new int[] {2, 28, 20}))
                .isEqualTo(new DateOrder.Decision(false, DateOrder.Basis.VALUE_ABOVE_12));
    }

    @Test
    void heuristicsAreMarkedAmbiguous() {
        DateOrder.Decision d = infer(new int[] {3, 4, 23}, new int[] {3, 4, 23}, new int[] {5, 4, 23});
        assertThat(d.daysFirst()).isTrue();
        assertThat(d.ambiguous()).isTrue();
        assertThat(infer(new int[] {1, 1, 23}).basis()).isEqualTo(DateOrder.Basis.DEFAULT);
    }

    @Test
    void decreaseAcrossYearsDoesNotVote() {
        // 30/12/2020 then 13/1/2021 must not vote from the year change (Pustur issue #237)
        DateOrder.Decision d = infer(new int[] {10, 12, 20}, new int[] {11, 1, 21}, new int[] {12, 1, 21});
        assertThat(d.basis()).isNotEqualTo(DateOrder.Basis.DECREASING);
    }

    @Test
    void conflictingValuesAreReported() {
        assertThat(infer(new int[] {6, 30, 23}, new int[] {30, 6, 23}).basis())
                .isEqualTo(DateOrder.Basis.CONFLICTING_VALUES);
    }
}
