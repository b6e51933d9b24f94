package org.rcm.requests.request;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import org.rcm.requests.calendar.WorkingDays;
import org.springframework.stereotype.Component;

/**
 * Whether the Secretariat should check a recipient's contact: its request email went out
 * {@code app.requests.contact-check-after-working-days} working days ago or more, it still awaits a reply, and it has
 * neither acknowledged the receipt nor ever answered. Silence that long suggests the email reaches nobody.
 */
@Component
public class ContactCheck {

    private final ContactCheckProperties properties;
    private final Clock clock;
    private final WorkingDays workingDays;

    public ContactCheck(ContactCheckProperties properties, Clock clock, WorkingDays workingDays) {
        this.properties = properties;
        this.clock = clock;
        this.workingDays = workingDays;
    }

    /**
     * @param sent     when the request email last went out to the recipient, or null
     * @param answered whether a person's answer of the recipient ever came in
     */
    public boolean due(RecipientState state, Instant sent, Instant acknowledged, boolean answered, String recipient) {
        if (!state.awaited() || sent == null || acknowledged != null || answered) {
            return false;
        }
        LocalDate checkOn = workingDays.plusWorkingDays(LocalDate.ofInstant(sent, clock.getZone()),
                properties.contactCheckAfterWorkingDays(), recipient);
        return !LocalDate.now(clock).isBefore(checkOn);
    }
}
