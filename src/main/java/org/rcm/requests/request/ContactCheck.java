package org.rcm.requests.request;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;

import org.springframework.stereotype.Component;

/**
 * Whether the Secretariat should check a recipient's contact: its request email went out
 * {@code app.requests.contact-check-after-working-days} working days ago or more, it still awaits a reply, and it has
 * neither acknowledged the receipt nor ever answered. Silence that long suggests the email reaches nobody.
 */
@Component
class ContactCheck {

    private final ContactCheckProperties properties;
    private final Clock clock;

    ContactCheck(ContactCheckProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * @param sent     when the request email last went out to the recipient, or null
     * @param answered whether a person's answer of the recipient ever came in
     */
    boolean due(RecipientState state, Instant sent, Instant acknowledged, boolean answered, String recipient) {
        boolean awaited = state == RecipientState.AWAITING_REPLY || state == RecipientState.OVERDUE;
        if (!awaited || sent == null || acknowledged != null || answered) {
            return false;
        }
        LocalDate checkOn = plusWorkingDays(LocalDate.ofInstant(sent, clock.getZone()),
                properties.contactCheckAfterWorkingDays(), recipient);
        return !LocalDate.now(clock).isBefore(checkOn);
    }

    // replaced by the working-day calendar at merge (WorkingDays.plusWorkingDays, the recipient's country: a country's
    // own code, an organization's office country)
    private static LocalDate plusWorkingDays(LocalDate from, int days, String countryCode) {
        LocalDate day = from;
        for (int left = days; left > 0; ) {
            day = day.plusDays(1);
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                left--;
            }
        }
        return day;
    }
}
