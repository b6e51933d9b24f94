package org.rcm.requests.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rcm.requests.calendar.Holidays;
import org.rcm.requests.calendar.WorkingDays;

/**
 * The "check the contact" flag on fixed dates: five working days after sending, weekends and the recipient's holidays
 * not counted.
 */
class ContactCheckTest {

    private static final ZoneId PANAMA = ZoneId.of("America/Panama");
    /** A Thursday: five working days later is the next Thursday, across one weekend. */
    private static final Instant SENT_THURSDAY = LocalDate.of(2026, 3, 5).atTime(16, 30).atZone(PANAMA).toInstant();

    @Test
    void aSilentRecipientIsFlaggedOnTheFifthWorkingDayAfterSending() {
        assertThat(check("2026-03-11").due(RecipientState.AWAITING_REPLY, SENT_THURSDAY, null, false, "MX"))
                .as("Wednesday: four working days after a Thursday").isFalse();
        assertThat(check("2026-03-12").due(RecipientState.AWAITING_REPLY, SENT_THURSDAY, null, false, "MX"))
                .as("Thursday: five working days, the weekend not counted").isTrue();
        assertThat(check("2026-03-20").due(RecipientState.OVERDUE, SENT_THURSDAY, null, false, "MX"))
                .as("overdue and still silent").isTrue();
    }

    @Test
    void aWeekendDoesNotCount() {
        Instant sentFriday = LocalDate.of(2026, 3, 6).atTime(9, 0).atZone(PANAMA).toInstant();

        assertThat(check("2026-03-12").due(RecipientState.AWAITING_REPLY, sentFriday, null, false, "MX"))
                .as("Thursday: four working days after a Friday (six calendar days)").isFalse();
        assertThat(check("2026-03-13").due(RecipientState.AWAITING_REPLY, sentFriday, null, false, "MX"))
                .as("Friday: five working days").isTrue();
    }

    @Test
    void anAcknowledgementAnAnswerOrAStateWithoutWaitingClearsTheFlag() {
        ContactCheck weekLater = check("2026-03-20");
        Instant acknowledged = SENT_THURSDAY.plusSeconds(3600);

        assertThat(weekLater.due(RecipientState.AWAITING_REPLY, SENT_THURSDAY, acknowledged, false, "MX"))
                .as("acknowledged").isFalse();
        assertThat(weekLater.due(RecipientState.AWAITING_REPLY, SENT_THURSDAY, null, true, "MX"))
                .as("answered once (waiting again after a clarification)").isFalse();
        assertThat(weekLater.due(RecipientState.UNDER_REVIEW, SENT_THURSDAY, null, false, "MX"))
                .as("its answer under review").isFalse();
        assertThat(weekLater.due(RecipientState.CLOSED_UNANSWERED, SENT_THURSDAY, null, false, "MX"))
                .as("closed").isFalse();
        assertThat(weekLater.due(RecipientState.PENDING, null, null, false, "MX")).as("not sent yet").isFalse();
    }

    @Test
    void theNumberOfWorkingDaysIsConfigured() {
        ContactCheck twoDays = new ContactCheck(new ContactCheckProperties(2), clockOn("2026-03-09"), WEEKENDS_ONLY);

        assertThat(twoDays.due(RecipientState.AWAITING_REPLY, SENT_THURSDAY, null, false, "MX"))
                .as("Monday: two working days after a Thursday").isTrue();
        assertThat(new ContactCheckProperties(null).contactCheckAfterWorkingDays()).as("the default").isEqualTo(5);
    }

    @Test
    void aHolidayOfTheRecipientsCountryDoesNotCount() {
        // Mexico's holiday on Monday 9 March (a made-up one for the test), none in Costa Rica
        WorkingDays calendars = WorkingDays.of(new Holidays("test", Map.of("MX", new Holidays.Country(
                Map.of(LocalDate.of(2026, 3, 9), "Feriado de prueba"), true))));
        ContactCheck onThursday = new ContactCheck(new ContactCheckProperties(null), clockOn("2026-03-12"), calendars);
        ContactCheck onFriday = new ContactCheck(new ContactCheckProperties(null), clockOn("2026-03-13"), calendars);

        assertThat(onThursday.due(RecipientState.AWAITING_REPLY, SENT_THURSDAY, null, false, "CR"))
                .as("Costa Rica: five working days").isTrue();
        assertThat(onThursday.due(RecipientState.AWAITING_REPLY, SENT_THURSDAY, null, false, "MX"))
                .as("Mexico: four, its holiday not counted").isFalse();
        assertThat(onFriday.due(RecipientState.AWAITING_REPLY, SENT_THURSDAY, null, false, "MX"))
                .as("Mexico: five on the Friday").isTrue();
    }

    private static final WorkingDays WEEKENDS_ONLY = WorkingDays.of(Holidays.none());

    private static ContactCheck check(String today) {
        return new ContactCheck(new ContactCheckProperties(null), clockOn(today), WEEKENDS_ONLY);
    }

    private static Clock clockOn(String day) {
        return Clock.fixed(LocalDate.parse(day).atTime(10, 0).atZone(PANAMA).toInstant(), PANAMA);
    }
}
