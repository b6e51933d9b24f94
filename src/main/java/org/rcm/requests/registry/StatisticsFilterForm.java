package org.rcm.requests.registry;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The statistics filter as typed (GET parameters): what cannot be read is left out of the filter and named in a
 * notice, so that a mistyped date shows the page, not an error.
 */
record StatisticsFilterForm(String from, String to, String meeting) {

    /** The filter, and the message keys of what was left out. */
    record Parsed(StatisticsFilter filter, List<String> problems) {
    }

    Parsed parse() {
        List<String> problems = new ArrayList<>();
        LocalDate sentFrom = date(from, "statistics.error.from", problems);
        LocalDate sentTo = date(to, "statistics.error.to", problems);
        if (sentFrom != null && sentTo != null && sentFrom.isAfter(sentTo)) {
            problems.add("statistics.error.period");
            sentFrom = null;
            sentTo = null;
        }
        return new Parsed(new StatisticsFilter(sentFrom, sentTo, blankToNull(meeting)), problems);
    }

    private static LocalDate date(String value, String problem, List<String> problems) {
        if (blankToNull(value) == null) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            problems.add(problem);
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
