package org.rcm.requests.request;

import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code app.requests.contact-check-after-working-days}: how many working days after its request email went out a
 * recipient that has neither acknowledged it nor answered is flagged for a check of its contact (5).
 */
@Validated
@ConfigurationProperties("app.requests")
public record ContactCheckProperties(@Positive Integer contactCheckAfterWorkingDays) {

    public ContactCheckProperties {
        contactCheckAfterWorkingDays = contactCheckAfterWorkingDays == null ? 5 : contactCheckAfterWorkingDays;
    }
}
