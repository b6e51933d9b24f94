package org.rcm.requests.reply;

import java.time.Duration;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The reply link ({@code app.reply}): the public address the links start with and how long a link stays valid. Its
 * key is the application's {@link org.rcm.requests.signing.SigningKey}.
 */
@Validated
@ConfigurationProperties("app.reply")
public record ReplyProperties(@NotBlank String baseUrl, Duration validity) {

    public ReplyProperties {
        validity = validity == null ? Duration.ofDays(180) : validity;
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }
}
