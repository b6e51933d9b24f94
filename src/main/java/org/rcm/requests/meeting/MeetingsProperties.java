package org.rcm.requests.meeting;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code app.meetings}: how many days a draft made from an agreement gets when the agreement's date has passed
 * (the conclusions of a past meeting), and the largest YAML file accepted.
 */
@Validated
@ConfigurationProperties("app.meetings")
public record MeetingsProperties(@DefaultValue("30") @Min(1) @Max(365) int replyDays,
                                 @DefaultValue("262144") @Min(1024) int maxFileBytes) {
}
