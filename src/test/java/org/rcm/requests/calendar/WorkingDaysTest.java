package org.rcm.requests.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Working days over the tests' holidays: Costa Rica's 15 September and 25 December 2026 and 1 January 2027. */
class WorkingDaysTest {

    private final WorkingDays workingDays = new WorkingDays(HolidayFile.read("classpath:calendar/test-holidays.yaml"),
            code -> Map.of("IOM", "CR", "UNHCR", "PA").get(code));

    @Test
    void weekendsAreNoWorkingDaysAnywhere() {
        assertThat(workingDays.isWorkingDay(LocalDate.of(2026, 9, 12), "CR")).as("Saturday in Costa Rica").isFalse();
        assertThat(workingDays.isWorkingDay(LocalDate.of(2026, 9, 13), "US")).as("Sunday in a country without "
                + "holidays in the file").isFalse();
        assertThat(workingDays.isWorkingDay(LocalDate.of(2026, 9, 14), "CR")).as("Monday in Costa Rica").isTrue();
    }

    @Test
    void aHolidayIsNoWorkingDayInItsCountryOnly() {
        LocalDate independence = LocalDate.of(2026, 9, 15);

        assertThat(workingDays.isWorkingDay(independence, "CR")).as("15 September in Costa Rica").isFalse();
        assertThat(workingDays.isWorkingDay(independence, "IOM")).as("15 September for IOM (Costa Rica's calendar)")
                .isFalse();
        assertThat(workingDays.isWorkingDay(independence, "PA")).as("15 September in Panama").isTrue();
        assertThat(workingDays.plusWorkingDays(LocalDate.of(2026, 9, 11), 2, "CR"))
                .as("two working days after Friday 11 September in Costa Rica: over the weekend and the holiday")
                .isEqualTo(LocalDate.of(2026, 9, 16));
        assertThat(workingDays.plusWorkingDays(LocalDate.of(2026, 9, 11), 2, "PA")).as("the same in Panama")
                .isEqualTo(LocalDate.of(2026, 9, 15));
    }

    @Test
    void countingCrossesTheYearEnd() {
        LocalDate wednesday = LocalDate.of(2026, 12, 23);

        assertThat(workingDays.plusWorkingDays(wednesday, 6, "CR"))
                .as("six working days after 23 December 2026 in Costa Rica: not 25 December, the weekends, 1 January")
                .isEqualTo(LocalDate.of(2027, 1, 4));
        assertThat(workingDays.plusWorkingDays(wednesday, 6, "PA")).as("the same in Panama")
                .isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(workingDays.onOrAfter(LocalDate.of(2026, 12, 31), "CR")).as("a working day stays")
                .isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(workingDays.onOrAfter(LocalDate.of(2027, 1, 1), "CR")).as("1 January moves to the Monday")
                .isEqualTo(LocalDate.of(2027, 1, 4));
    }

    @Test
    void durationsCountWorkingDaysAndLandOnOne() {
        Holidays holidays = workingDays.holidays();
        LocalDateTime friday = LocalDateTime.of(2026, 9, 11, 10, 30);

        assertThat(holidays.plus(friday, "P3D", "CR")).as("P3D from Friday in Costa Rica")
                .isEqualTo(LocalDateTime.of(2026, 9, 17, 10, 30));
        assertThat(holidays.plus(friday, "PT24H", "CR")).as("PT24H from Friday: Saturday, moved to Monday")
                .isEqualTo(LocalDateTime.of(2026, 9, 14, 10, 30));
        assertThat(holidays.plus(friday, "P1DT2H", "CR")).as("P1DT2H from Friday")
                .isEqualTo(LocalDateTime.of(2026, 9, 14, 12, 30));
        assertThatThrownBy(() -> holidays.plus(friday, "3 days", "CR")).as("a duration that does not parse")
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'3 days'");
    }

    @Test
    void theModelsExpressionsNameTheCalendarOfTheParty() {
        assertThat(workingDays.endOfDay("2026-09-15", "IOM")).as("IOM's end of a Costa Rican holiday")
                .isEqualTo("2026-09-16T23:59:59");
        assertThat(workingDays.endOfDay("2026-09-15", "UNHCR")).as("UNHCR's end of the same day")
                .isEqualTo("2026-09-15T23:59:59");
        assertThat(workingDays.cycle("R/P5D", "IOM")).as("IOM's reminder cycle").isEqualTo("R/P5D @CR");
        assertThat(workingDays.duration("P3D", "HN")).as("a Troika country's duration").isEqualTo("P3D @HN");
        assertThatThrownBy(() -> workingDays.cycle("P5D", "IOM")).as("a cycle without R/")
                .hasMessageContaining("'P5D'");
        assertThatThrownBy(() -> workingDays.endOfDay("next week", "IOM")).as("a day that is no date")
                .hasMessageContaining("'next week'");
    }
}
