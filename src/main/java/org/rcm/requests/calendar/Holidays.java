package org.rcm.requests.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The public holidays of each country, by country code, as the holiday file gives them; Saturday and Sunday are no
 * working days anywhere. A country the file does not name has weekends only. The arithmetic of working days lives
 * here, so that the engine's timers and the registry's due dates count alike.
 *
 * @param source where the holidays were read from, for messages
 */
public record Holidays(String source, Map<String, Country> countries) {

    /** One country's holidays (date → name) and whether the Secretariat checked them. */
    public record Country(Map<LocalDate, String> holidays, boolean checked) {
    }

    /** No holidays at all: weekends only. */
    public static Holidays none() {
        return new Holidays("(none)", Map.of());
    }

    public Holidays {
        countries = Map.copyOf(countries);
    }

    public boolean isWorkingDay(LocalDate day, String country) {
        if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            return false;
        }
        Country holidays = country == null ? null : countries.get(country);
        return holidays == null || !holidays.holidays().containsKey(day);
    }

    /** The holidays of a country (empty when the file names none). */
    public Map<LocalDate, String> of(String country) {
        Country holidays = countries.get(country);
        return holidays == null ? Map.of() : holidays.holidays();
    }

    /** {@code day} itself when it is a working day, else the next one. */
    public LocalDate onOrAfter(LocalDate day, String country) {
        LocalDate working = day;
        while (!isWorkingDay(working, country)) {
            working = working.plusDays(1);
        }
        return working;
    }

    /**
     * The working day {@code days} working days after {@code from} (which need not be one itself): one working day
     * after a Friday is the Monday, unless the Monday is a holiday. Zero days: {@code from}, or the next working day.
     */
    public LocalDate plusWorkingDays(LocalDate from, int days, String country) {
        if (days < 0) {
            throw new IllegalArgumentException("working days must not be negative: " + days);
        }
        LocalDate day = from;
        for (int counted = 0; counted < days; ) {
            day = day.plusDays(1);
            if (isWorkingDay(day, country)) {
                counted++;
            }
        }
        return onOrAfter(day, country);
    }

    /**
     * The moment an ISO 8601 duration after {@code from} in working time: its days (and weeks, as seven days) count
     * working days, its years and months and its time part ({@code PT4H}) count as on any calendar, and a result that
     * falls on a weekend or holiday moves to the same time on the next working day.
     *
     * @throws IllegalArgumentException when {@code duration} is no ISO 8601 duration such as P5D or P1DT12H
     */
    public LocalDateTime plus(LocalDateTime from, String duration, String country) {
        Parts parts = Parts.of(duration);
        LocalDateTime moved = from.plusYears(parts.period().getYears()).plusMonths(parts.period().getMonths());
        LocalDate day = parts.period().getDays() == 0 ? moved.toLocalDate()
                : plusWorkingDays(moved.toLocalDate(), parts.period().getDays(), country);
        LocalDateTime result = day.atTime(moved.toLocalTime()).plus(parts.time());
        return onOrAfter(result.toLocalDate(), country).atTime(result.toLocalTime());
    }

    /**
     * An ISO 8601 duration as its date part (years, months, days) and its time part.
     *
     * @throws IllegalArgumentException when {@code text} is no ISO 8601 duration such as P5D or P1DT12H
     */
    record Parts(Period period, Duration time) {

        static Parts of(String text) {
            String value = text == null ? "" : text.trim();
            int t = value.indexOf('T');
            try {
                Period period = t == 1 ? Period.ZERO : Period.parse(t < 0 ? value : value.substring(0, t));
                Duration time = t < 0 ? Duration.ZERO : Duration.parse("PT" + value.substring(t + 1));
                if (period.isNegative() || time.isNegative() || period.isZero() && time.isZero()) {
                    throw new DateTimeParseException("not positive", value, 0);
                }
                return new Parts(period, time);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("'" + text + "' is not a positive ISO 8601 duration such as P5D "
                        + "or PT12H", e);
            }
        }
    }

    /** The countries whose holidays the Secretariat has not marked as checked. */
    public Set<String> unchecked() {
        return countries.entrySet().stream().filter(entry -> !entry.getValue().checked()).map(Map.Entry::getKey)
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
