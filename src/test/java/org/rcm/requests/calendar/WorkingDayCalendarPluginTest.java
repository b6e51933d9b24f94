package org.rcm.requests.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;

import org.camunda.bpm.engine.impl.calendar.BusinessCalendarManager;
import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DurationBusinessCalendar;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The engine's calendars as the plugin registers them, on the engine's clock and the tests' holidays. */
class WorkingDayCalendarPluginTest {

    private BusinessCalendarManager calendars;

    @BeforeEach
    void register() {
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        WorkingDayCalendarPlugin.fromFile("classpath:calendar/test-holidays.yaml").preInit(configuration);
        calendars = configuration.getBusinessCalendarManager();
        ClockUtil.setCurrentTime(at("2026-09-11T10:00:00")); // a Friday
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void durationInWorkingDaysSkipsTheWeekendAndTheHoliday() {
        assertThat(calendars.getBusinessCalendar(DurationBusinessCalendar.NAME).resolveDuedate("P3D @CR"))
                .as("P3D @CR from Friday 11 September").isEqualTo(at("2026-09-17T10:00:00"));
        assertThat(calendars.getBusinessCalendar(DurationBusinessCalendar.NAME).resolveDuedate("P3D"))
                .as("P3D as before").isEqualTo(at("2026-09-14T10:00:00"));
    }

    @Test
    void dueDateOnAHolidayMovesToTheNextWorkingDay() {
        assertThat(calendars.getBusinessCalendar(DueDateBusinessCalendar.NAME)
                .resolveDuedate("2026-09-15T23:59:59 @CR")).as("Costa Rica's holiday")
                .isEqualTo(at("2026-09-16T23:59:59"));
        assertThat(calendars.getBusinessCalendar(DueDateBusinessCalendar.NAME)
                .resolveDuedate("2026-09-15T23:59:59 @PA")).as("a working day in Panama")
                .isEqualTo(at("2026-09-15T23:59:59"));
        assertThat(calendars.getBusinessCalendar(DueDateBusinessCalendar.NAME).resolveDuedate("P1D @CR"))
                .as("a task's due date in working days").isEqualTo(at("2026-09-14T10:00:00"));
    }

    @Test
    void cycleCountsItsOccurrencesFromItsStart() {
        CycleBusinessCalendar cycle = (CycleBusinessCalendar) calendars.getBusinessCalendar(
                CycleBusinessCalendar.NAME);

        assertThat(cycle.resolveDuedate("R/P5D @CR")).as("the first occurrence, five working days from now (not the 15th)")
                .isEqualTo(at("2026-09-21T10:00:00"));
        ClockUtil.setCurrentTime(at("2026-09-16T10:05:00")); // the job ran late
        assertThat(cycle.resolveDuedate("R/2026-09-08T10:00:00/P5D @CR", null, 0))
                .as("the next occurrence after now, counted from the start").isEqualTo(at("2026-09-23T10:00:00"));
        assertThat(cycle.resolveDuedate("R1/2026-09-08T10:00:00/P5D @CR", null, 0))
                .as("a cycle whose repetitions are past").isNull();
        assertThat(cycle.resolveDuedate("R/2026-09-08T10:00:00/P7D", null, 0)).as("a cycle as before")
                .isEqualTo(at("2026-09-22T10:00:00"));
    }

    private static Date at(String dateTime) {
        return Date.from(LocalDateTime.parse(dateTime).atZone(ZoneId.systemDefault()).toInstant());
    }
}
