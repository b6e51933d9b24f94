package org.rcm.requests.reply;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import org.rcm.requests.mail.outbound.ReplyLinks;
import org.rcm.requests.signing.SigningKey;
import org.springframework.stereotype.Component;

/**
 * Signed tokens naming a request, a recipient and an expiry: {@code payload.signature}, both base64url, the
 * signature an HMAC-SHA256 of the payload. A token that was changed, or has expired, reads as empty.
 */
@Component
public class ReplyTokens implements ReplyLinks {

    private final ReplyProperties properties;
    private final Clock clock;
    private final SigningKey key;

    ReplyTokens(ReplyProperties properties, Clock clock, SigningKey key) {
        this.properties = properties;
        this.clock = clock;
        this.key = key;
    }

    /** Who a valid token is for. */
    public record Holder(String reference, String recipient, Instant expires) {
    }

    public String create(String reference, String recipient) {
        Instant expires = clock.instant().plus(properties.validity());
        String payload = encode((reference + "|" + recipient + "|" + expires.getEpochSecond())
                .getBytes(StandardCharsets.UTF_8));
        return payload + "." + encode(key.sign(payload));
    }

    public Optional<Holder> verify(String token) {
        int dot = token == null ? -1 : token.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        String payload = token.substring(0, dot);
        byte[] signature;
        String[] parts;
        try {
            signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
            parts = new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8).split("\\|");
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
        if (!MessageDigest.isEqual(key.sign(payload), signature) || parts.length != 3) {
            return Optional.empty();
        }
        Instant expires;
        try {
            expires = Instant.ofEpochSecond(Long.parseLong(parts[2]));
        } catch (NumberFormatException malformed) {
            return Optional.empty();
        }
        return expires.isAfter(clock.instant()) ? Optional.of(new Holder(parts[0], parts[1], expires))
                : Optional.empty();
    }

    @Override
    public String linkFor(String reference, String recipient) {
        return properties.baseUrl() + "/reply/" + create(reference, recipient);
    }

    @Override
    public String receiptLinkFor(String reference, String recipient) {
        return linkFor(reference, recipient) + ReplyPaths.RECEIPT;
    }

    private static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
