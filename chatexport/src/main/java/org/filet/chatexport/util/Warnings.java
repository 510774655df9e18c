package org.filet.chatexport.util;

import java.util.ArrayList;
import java.util.List;

/** Collects warnings (never chat text), keeping the first {@link #LIMIT} and counting the rest. */
public final class Warnings {
    public static final int LIMIT = 200;
    private final List<String> items = new ArrayList<>();
    private int dropped;

    public void add(String warning) {
        if (items.size() < LIMIT) {
            items.add(warning);
        } else {
            dropped++;
        }
    }

    public List<String> list() {
        if (dropped == 0) {
            return List.copyOf(items);
        }
        List<String> out = new ArrayList<>(items);
        out.add(dropped + " further warning(s) not listed");
        return List.copyOf(out);
    }
}
