package org.rcm.requests.request;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Reads a date as forms and scripts submit it: {@code 2016-07-28}, or a timestamp whose date part counts. */
final class RequestDates {

    private RequestDates() {
    }

    /** @throws DateTimeParseException when the text starts with no ISO date */
    static LocalDate parse(String text) {
        String value = text.trim();
        return LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
    }
}
