package org.filet.server.support;

import java.util.List;

/**
 * One page of a list: its items, which page ({@code page} of {@code pages}, 1-based), and where it starts in the
 * {@code total}. A page asked for out of range is the nearest one.
 */
public record Paged<T>(List<T> items, int page, int pages, int from, int total) {

    /** Requires {@code perPage >= 1}. */
    public static <T> Paged<T> of(List<T> all, int page, int perPage) {
        if (perPage < 1) {
            throw new IllegalArgumentException("perPage must be at least 1, not " + perPage);
        }
        int pages = Math.max(1, (all.size() + perPage - 1) / perPage);
        int current = Math.min(Math.max(1, page), pages);
        int from = Math.min(all.size(), (current - 1) * perPage);
        return new Paged<>(
                List.copyOf(all.subList(from, Math.min(all.size(), from + perPage))), current, pages, from, all.size());
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < pages;
    }
}
