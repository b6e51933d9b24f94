package org.rcm.requests.signing;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The HMAC key ({@code app.signing.secret}, from {@code REPLY_LINK_SECRET} in production). Empty: the default run
 * makes one and keeps it in the database.
 */
@ConfigurationProperties("app.signing")
public record SigningProperties(String secret) {
}
