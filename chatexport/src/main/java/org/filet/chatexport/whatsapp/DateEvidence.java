package org.filet.chatexport.whatsapp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.filet.chatexport.ImportOptions;
import org.filet.chatexport.util.Warnings;
import org.jspecify.annotations.Nullable;

/**
 * Collects the dates of a file per date shape (first pass) and decides each shape's day/month order. The first pass
 * may stop once every shape seen is settled by a value above 12 ({@link #settled()}); a shape first met later is
 * decided then from the whole file.
 */
final class DateEvidence {
    private final int onlyShape;
    private final Map<Integer, List<int[]>> byShape = new LinkedHashMap<>();
    private final Map<Integer, boolean[]> above = new HashMap<>();
    private int unsettled;
    private final Map<Integer, int[]> previous = new HashMap<>();
    private int lastShape = -1;
    private int @Nullable [] lastDate;

    /** Evidence for every shape. */
    DateEvidence() {
        this(-1);
    }

    /** Evidence for one shape only ({@code -1}: all). */
    DateEvidence(int onlyShape) {
        this.onlyShape = onlyShape;
    }

    /** True when every shape seen so far has a value above 12, so more lines cannot change a decision by value. */
    boolean settled() {
        return unsettled == 0 && !byShape.isEmpty();
    }

    void add(Header h) {
        if (h.yearPos() == 0 || (onlyShape >= 0 && h.shape() != onlyShape)) {
            return;
        }
        int first = h.n1();
        int second = h.yearPos() == 1 ? h.n3() : h.n2();
        int year = h.yearPos() == 1 ? h.n2() : h.n3();
        int shape = h.shape();
        int[] prev = shape == lastShape ? lastDate : previous.get(shape);
        if (prev != null && prev[0] == first && prev[1] == second && prev[2] == year) {
            return; // consecutive repeats add no evidence
        }
        int[] date = {first, second, year};
        boolean[] a = above.get(shape);
        if (a == null) {
            a = new boolean[2];
            above.put(shape, a);
            unsettled++;
        }
        boolean wasSettled = a[0] || a[1];
        a[0] |= first > 12;
        a[1] |= second > 12;
        if (!wasSettled && (a[0] || a[1])) {
            unsettled--;
        }
        previous.put(shape, date);
        lastShape = shape;
        lastDate = date;
        byShape.computeIfAbsent(shape, k -> new ArrayList<>()).add(date);
    }

    Map<Integer, DateOrder.Decision> decide(ImportOptions options, Warnings warnings) {
        Map<Integer, DateOrder.Decision> out = new HashMap<>();
        for (Map.Entry<Integer, List<int[]>> s : byShape.entrySet()) {
            DateOrder.Decision d = options.daysFirst() != null
                    ? new DateOrder.Decision(options.daysFirst(), DateOrder.Basis.GIVEN)
                    : DateOrder.infer(s.getValue());
            out.put(s.getKey(), d);
            String order = d.daysFirst() ? "day/month" : "month/day";
            if (d.basis() == DateOrder.Basis.GIVEN) {
                warnings.add("dates read as " + order + " as given with the upload");
            } else if (d.ambiguous()) {
                warnings.add("ambiguous date order: " + s.getValue().size() + " distinct date(s) written like '"
                        + describe(s.getKey()) + "' read as " + order + " (" + basis(d.basis())
                        + "); confirm with the uploader (the phone's region setting)");
            }
        }
        return out;
    }

    private static String describe(int shape) {
        char sep = Header.shapeSep(shape);
        int yearPos = Header.shapeYearPos(shape);
        String y = Header.shapeYearLen(shape) == 4 ? "yyyy" : "yy";
        return yearPos == 1 ? "n" + sep + y + sep + "n" : "n" + sep + "n" + sep + y;
    }

    private static String basis(DateOrder.Basis b) {
        return switch (b) {
            case CONFLICTING_VALUES -> "values above 12 in both positions; each date read where valid";
            case DECREASING -> "guessed from a decreasing first or second number within a year";
            case CHANGE_FREQUENCY -> "guessed from which number changes more often";
            default -> "no evidence; day first assumed";
        };
    }
}
