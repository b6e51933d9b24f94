package org.rcm.requests.reply;

import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The reply link ({@code app.reply}): the public address the links start with, how long a link stays valid, how many
 * answers one recipient may post through it in an hour, and how long it still takes answers once its recipient is
 * closed or its request has ended. Its key is the application's {@link org.rcm.requests.signing.SigningKey}.
 */
@Validated
@ConfigurationProperties("app.reply")
public record ReplyProperties(@NotBlank String baseUrl, Duration validity, @Positive Integer maxPostsPerHour,
                              Duration closedGrace) {

    public ReplyProperties {
        validity = validity == null ? Duration.ofDays(180) : validity;
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        maxPostsPerHour = maxPostsPerHour == null ? 10 : maxPostsPerHour;
        closedGrace = closedGrace == null ? Duration.ofDays(7) : closedGrace;
    }
}
