package org.rcm.requests.calendar;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The working days of a party: weekends and the public holidays of the holiday file, in the calendar of the party's
 * country (an organization: its office's country, a directory field). Every method takes a country code or any
 * code of the directory. The bean {@code workingDays} of the models' expressions:
 * <ul>
 * <li>{@code ${workingDays.endOfDay(recipientDue, recipient)}}: the end of that day, or of the next working day when
 * it is none (a timer date);</li>
 * <li>{@code ${workingDays.duration('P3D', troikaCountry)}}: three working days from now (a timer duration, a task's
 * due date);</li>
 * <li>{@code ${workingDays.cycle('R/P5D', recipient)}}: every five working days (a timer cycle).</li>
 * </ul>
 */
public class WorkingDays {

    private final Holidays holidays;
    private final UnaryOperator<String> calendarOf;

    /** @param calendarOf the calendar (country code) of a directory code; the code itself for a country */
    public WorkingDays(Holidays holidays, UnaryOperator<String> calendarOf) {
        this.holidays = holidays;
        this.calendarOf = calendarOf;
    }

    /** Weekends and holidays only, without a directory: every code is a country code. */
    public static WorkingDays of(Holidays holidays) {
        return new WorkingDays(holidays, UnaryOperator.identity());
    }

    /** The country whose calendar counts for a code: the directory's calendar of the party, else the code itself. */
    public String calendarOf(String code) {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("no calendar: the country or directory code is empty");
        }
        String calendar = calendarOf.apply(code.trim());
        return calendar == null || calendar.isBlank() ? code.trim() : calendar;
    }

    public boolean isWorkingDay(LocalDate day, String code) {
        return holidays.isWorkingDay(day, calendarOf(code));
    }

    /** The working day {@code days} working days after {@code from}; see {@link Holidays#plusWorkingDays}. */
    public LocalDate plusWorkingDays(LocalDate from, int days, String code) {
        return holidays.plusWorkingDays(from, days, calendarOf(code));
    }

    /**
     * Each party's working day {@code days} working days after {@code from}, counted in its own calendar (a
     * country's, an organization's office's), in the order of {@code codes}.
     */
    public Map<String, LocalDate> plusWorkingDays(LocalDate from, int days, List<String> codes) {
        Map<String, LocalDate> dates = new LinkedHashMap<>();
        codes.forEach(code -> dates.put(code, plusWorkingDays(from, days, code)));
        return dates;
    }

    /** {@code day} when it is a working day, else the next working day. */
    public LocalDate onOrAfter(LocalDate day, String code) {
        return holidays.onOrAfter(day, calendarOf(code));
    }

    public Holidays holidays() {
        return holidays;
    }

    /**
     * A timer date: the last second of {@code day} ({@code 2026-03-20} or a timestamp whose date counts), or of the
     * next working day when {@code day} is a weekend or holiday of the calendar.
     */
    public String endOfDay(String day, String code) {
        LocalDate date;
        try {
            String text = day == null ? "" : day.trim();
            date = LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("workingDays.endOfDay: '" + day + "' is not a date YYYY-MM-DD", e);
        }
        return onOrAfter(date, code) + "T23:59:59";
    }

    /** A timer duration or due date in working days: {@code P3D} is three working days of the calendar. */
    public String duration(String duration, String code) {
        Holidays.Parts.of(duration); // a bad value fails here, where the expression is evaluated, with the value named
        return new WorkingTime(duration.trim(), calendarOf(code)).toString();
    }

    /** A timer cycle in working days: {@code R/P5D} is every five working days of the calendar. */
    public String cycle(String cycle, String code) {
        String text = cycle == null ? "" : cycle.trim();
        if (!text.matches("R\\d*/.+")) {
            throw new IllegalArgumentException("workingDays.cycle: '" + cycle + "' is not a cycle R/<duration> "
                    + "such as R/P5D");
        }
        return new WorkingTime(text, calendarOf(code)).toString();
    }
}
