package org.rcm.requests.calendar;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Date;

import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DurationBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.MapBusinessCalendarManager;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Registers the engine's business calendars (the engine keeps them in its internals, {@code impl.calendar}: this
 * class is the one place that reaches them): the usual ones for the usual timer values, and for a value in working
 * days ({@link WorkingTime}: {@code P3D @CR}, {@code R/P5D @CR}, {@code 2026-12-24T23:59:59 @CR}) the same
 * arithmetic as the registry's due dates ({@link Holidays}), on the engine's clock. Every timer, and a user task's
 * due and follow-up date, goes through them; a value without {@code @} is resolved exactly as before.
 */
@Component
public class WorkingDayCalendarPlugin extends AbstractProcessEnginePlugin {

    /** A cycle is followed from its start for at most this many occurrences (ten years of working days). */
    private static final int MAX_OCCURRENCES = 2_600;

    private final Holidays holidays;

    public WorkingDayCalendarPlugin(Holidays holidays) {
        this.holidays = holidays;
    }

    /** For the engine of the process tests (camunda-process-test.cfg.xml), which has no Spring context. */
    public static WorkingDayCalendarPlugin fromFile(String location) {
        return new WorkingDayCalendarPlugin(HolidayFile.read(location));
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        MapBusinessCalendarManager calendars = new MapBusinessCalendarManager();
        calendars.addBusinessCalendar(DurationBusinessCalendar.NAME, new Duration());
        calendars.addBusinessCalendar(DueDateBusinessCalendar.NAME, new DueDate());
        calendars.addBusinessCalendar(CycleBusinessCalendar.NAME, new Cycle());
        configuration.setBusinessCalendarManager(calendars);
    }

    /** Timer durations. */
    class Duration extends DurationBusinessCalendar {
        @Override
        public Date resolveDuedate(String duedate, Date startDate) {
            return WorkingTime.parse(duedate).map(time -> after(time, startDate))
                    .orElseGet(() -> super.resolveDuedate(duedate, startDate));
        }
    }

    /** Timer dates, and the due and follow-up dates of user tasks (a date or a duration). */
    class DueDate extends DueDateBusinessCalendar {
        @Override
        public Date resolveDuedate(String duedate, Date startDate) {
            return WorkingTime.parse(duedate).map(time -> time.value().startsWith("P") ? after(time, startDate)
                    : date(moment(time.value()).atZoneSameInstant(ZoneId.systemDefault()).toLocalDateTime(), time))
                    .orElseGet(() -> super.resolveDuedate(duedate, startDate));
        }
    }

    /**
     * Timer cycles. The engine asks again each time a cycle fires, with the start it noted when the timer was
     * created ({@code R/2026-09-10T10:00:00/P5D @CR}): the occurrences are counted from that start, so a late job
     * does not shift the ones after it.
     */
    class Cycle extends CycleBusinessCalendar {
        @Override
        public Date resolveDuedate(String duedateDescription, Date startDate, long repeatOffset) {
            WorkingTime time = WorkingTime.parse(duedateDescription).orElse(null);
            // null when every repetition is past, which ends the cycle
            return time == null ? super.resolveDuedate(duedateDescription, startDate, repeatOffset)
                    : next(time, startDate, repeatOffset);
        }
    }

    private Date after(WorkingTime time, Date startDate) {
        return date(holidays.plus(local(startDate), time.value(), time.calendar()), time);
    }

    private Date date(LocalDateTime moment, WorkingTime time) {
        LocalDateTime working = holidays.onOrAfter(moment.toLocalDate(), time.calendar()).atTime(moment.toLocalTime());
        return Date.from(working.atZone(ZoneId.systemDefault()).toInstant());
    }

    private Date next(WorkingTime time, Date startDate, long repeatOffset) {
        String[] parts = time.value().split("/");
        if (parts.length < 2 || parts.length > 3 || !parts[0].matches("R\\d*")) {
            throw new IllegalArgumentException("timer cycle '" + time + "' is not R/<duration> or "
                    + "R/<start>/<duration> in working days");
        }
        int repetitions = parts[0].length() > 1 ? Integer.parseInt(parts[0].substring(1)) : Integer.MAX_VALUE;
        String duration = parts[parts.length - 1];
        LocalDateTime reference = local(startDate);
        if (parts.length == 2) {
            return shifted(holidays.plus(reference, duration, time.calendar()), repeatOffset);
        }
        LocalDateTime occurrence = moment(parts[1]).atZoneSameInstant(ZoneId.systemDefault()).toLocalDateTime();
        for (int count = 1; count <= Math.min(repetitions, MAX_OCCURRENCES); count++) {
            occurrence = holidays.plus(occurrence, duration, time.calendar());
            if (occurrence.isAfter(reference)) {
                return shifted(occurrence, repeatOffset);
            }
        }
        return null; // every repetition is past: the cycle ends
    }

    private static Date shifted(LocalDateTime moment, long repeatOffset) {
        return new Date(moment.atZone(ZoneId.systemDefault()).toInstant().toEpochMilli() + repeatOffset);
    }

    private static LocalDateTime local(Date date) {
        Date at = date == null ? ClockUtil.getCurrentTime() : date;
        return LocalDateTime.ofInstant(at.toInstant(), ZoneId.systemDefault());
    }

    /** {@code 2026-09-10T10:00:00}, with or without an offset, or a date (its midnight). */
    private static OffsetDateTime moment(String text) {
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException withoutOffset) {
            try {
                LocalDateTime local = text.length() == 10 ? LocalDate.parse(text).atStartOfDay()
                        : LocalDateTime.parse(text);
                return local.atZone(ZoneId.systemDefault()).toOffsetDateTime();
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("'" + text + "' is not a date-time such as 2026-09-10T10:00:00", e);
            }
        }
    }
}
