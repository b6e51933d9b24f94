package org.rcm.requests.registry;

import java.util.List;

/** The statistics of a filter: the parties grouped by kind (organizations, then countries), and the totals. */
record StatisticsReport(List<Group> groups, StatisticsRow totals) {

    /** The parties of one kind, ORGANIZATION or COUNTRY, by name. */
    record Group(String kind, List<StatisticsRow> rows) {
    }

    /** Public, as the other accessors, for the page template. */
    public boolean isEmpty() {
        return totals.sent() == 0;
    }

    public List<StatisticsRow> rows() {
        return groups.stream().flatMap(group -> group.rows().stream()).toList();
    }
}
