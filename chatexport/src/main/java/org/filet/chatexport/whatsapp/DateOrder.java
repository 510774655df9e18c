package org.filet.chatexport.whatsapp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Day/month order of one date shape, inferred over the whole file (CHAT-FORMATS.md 1.3): a component above 12
 * decides; otherwise a decrease of the first component within one year, then the component that changes more, are
 * used as heuristics and the result is flagged as ambiguous; with no evidence at all day-first is assumed (flagged).
 */
final class DateOrder {
    /** How the order was decided. */
    enum Basis {
        VALUE_ABOVE_12,
        CONFLICTING_VALUES,
        DECREASING,
        CHANGE_FREQUENCY,
        DEFAULT,
        GIVEN,
        YEAR_FIRST
    }

    record Decision(boolean daysFirst, Basis basis) {
        boolean ambiguous() {
            return basis != Basis.VALUE_ABOVE_12 && basis != Basis.GIVEN && basis != Basis.YEAR_FIRST;
        }
    }

    private DateOrder() {}

    /** Requires each element to be {first, second, year} in file order. */
    static Decision infer(List<int[]> datesInOrder) {
        LinkedHashSet<Long> seen = new LinkedHashSet<>();
        List<int[]> distinct = new ArrayList<>();
        boolean firstAbove = false;
        boolean secondAbove = false;
        for (int[] d : datesInOrder) {
            long key = ((long) d[2] << 16) | ((long) d[0] << 8) | d[1];
            if (seen.add(key)) {
                distinct.add(d);
                firstAbove |= d[0] > 12;
                secondAbove |= d[1] > 12;
            }
        }
        if (firstAbove && secondAbove) {
            return new Decision(true, Basis.CONFLICTING_VALUES);
        }
        if (firstAbove || secondAbove) {
            return new Decision(firstAbove, Basis.VALUE_ABOVE_12);
        }
        Map<Integer, List<int[]>> byYear = new LinkedHashMap<>();
        for (int[] d : distinct) {
            byYear.computeIfAbsent(d[2], y -> new ArrayList<>()).add(d);
        }
        boolean dayVote = false;
        boolean monthVote = false;
        for (List<int[]> ds : byYear.values()) {
            for (int i = 1; i < ds.size(); i++) {
                int[] prev = ds.get(i - 1);
                int[] cur = ds.get(i);
                if (cur[0] < prev[0] && cur[1] != prev[1]) {
                    dayVote = true;
                } else if (cur[1] < prev[1] && cur[0] != prev[0]) {
                    monthVote = true;
                }
            }
        }
        if (dayVote || monthVote) {
            return new Decision(dayVote, Basis.DECREASING);
        }
        long change0 = 0;
        long change1 = 0;
        for (int i = 1; i < distinct.size(); i++) {
            change0 += Math.abs(distinct.get(i)[0] - distinct.get(i - 1)[0]);
            change1 += Math.abs(distinct.get(i)[1] - distinct.get(i - 1)[1]);
        }
        if (change0 != change1) {
            return new Decision(change0 > change1, Basis.CHANGE_FREQUENCY);
        }
        return new Decision(true, Basis.DEFAULT);
    }
}
