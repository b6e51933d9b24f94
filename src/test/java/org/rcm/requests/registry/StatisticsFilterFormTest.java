package org.rcm.requests.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class StatisticsFilterFormTest {

    @Test
    void readableDatesAndAMeetingBecomeTheFilter() {
        StatisticsFilterForm.Parsed parsed = new StatisticsFilterForm("2026-01-01", " 2026-03-31 ", "gah-2016").parse();

        assertThat(parsed.filter()).as("filter").isEqualTo(new StatisticsFilter(LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 3, 31), "gah-2016"));
        assertThat(parsed.problems()).as("problems").isEmpty();
    }

    @Test
    void blanksMeanNoFilter() {
        StatisticsFilterForm.Parsed parsed = new StatisticsFilterForm("", null, " ").parse();

        assertThat(parsed.filter()).as("filter").isEqualTo(new StatisticsFilter(null, null, null));
        assertThat(parsed.problems()).as("problems").isEmpty();
    }

    @Test
    void anUnreadableDateIsLeftOutAndNamed() {
        StatisticsFilterForm.Parsed parsed = new StatisticsFilterForm("2026-13-45", "2026-03-31", null).parse();

        assertThat(parsed.filter().sentFrom()).as("unreadable 'from' left out").isNull();
        assertThat(parsed.filter().sentTo()).as("readable 'to' kept").isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(parsed.problems()).as("problems").containsExactly("statistics.error.from");
    }

    @Test
    void aPeriodThatEndsBeforeItStartsIsLeftOut() {
        StatisticsFilterForm.Parsed parsed = new StatisticsFilterForm("2026-03-31", "2026-01-01", null).parse();

        assertThat(parsed.filter()).as("filter").isEqualTo(new StatisticsFilter(null, null, null));
        assertThat(parsed.problems()).as("problems").containsExactly("statistics.error.period");
    }
}
