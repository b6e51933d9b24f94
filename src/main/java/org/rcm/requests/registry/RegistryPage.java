package org.rcm.requests.registry;

import java.util.List;

/** One page of the registry: its rows, how many rows match in all, and which page this is. */
public record RegistryPage(List<RegistryRow> rows, long total, int page, int size) {

    public int totalPages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < totalPages();
    }
}
