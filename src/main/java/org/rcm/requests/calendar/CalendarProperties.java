package org.rcm.requests.calendar;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code app.calendar}: the holiday file the Secretariat edits (docs/calendar.md), a Spring resource location
 * ({@code file:/etc/interagency/holidays.yaml}); by default the one in the application.
 */
@Validated
@ConfigurationProperties("app.calendar")
public record CalendarProperties(@DefaultValue("classpath:calendar/holidays.yaml") @NotBlank String holidaysFile) {
}
