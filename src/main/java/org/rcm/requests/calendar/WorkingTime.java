package org.rcm.requests.calendar;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A timer value counted in working days: the ISO 8601 value followed by {@code @} and the code of a calendar, as
 * {@code P5D @CR} (five working days of Costa Rica), {@code R/P5D @PA} (every five working days of Panama) or
 * {@code 2026-12-24T23:59:59 @MX} (that moment, or the same time on the next working day of Mexico). The engine's
 * calendars ({@link WorkingDayCalendarPlugin}) read it; {@link WorkingDays} writes it for the models' expressions.
 *
 * @param value    the ISO 8601 date, duration or cycle
 * @param calendar a country code, whose holidays the holiday file gives
 */
public record WorkingTime(String value, String calendar) {

    private static final Pattern FORM = Pattern.compile("^(\\S+)\\s*@\\s*([A-Z]{2})$");

    public static Optional<WorkingTime> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher matcher = FORM.matcher(text.trim());
        return matcher.matches() ? Optional.of(new WorkingTime(matcher.group(1), matcher.group(2)))
                : Optional.empty();
    }

    /** Whether the text names a calendar at all (well formed or not). */
    public static boolean mentionsCalendar(String text) {
        return text != null && text.contains("@");
    }

    @Override
    public String toString() {
        return value + " @" + calendar;
    }
}
