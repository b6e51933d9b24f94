package org.rcm.requests.reply;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.rcm.requests.mail.outbound.ReplyLinks;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Signed tokens naming a request, a recipient and an expiry: {@code payload.signature}, both base64url, the
 * signature an HMAC-SHA256 of the payload. A token that was changed, or has expired, reads as empty.
 */
@Component
public class ReplyTokens implements ReplyLinks {

    private static final String SECRET_SETTING = "reply-link-secret";

    private final ReplyProperties properties;
    private final Clock clock;
    private final byte[] key;

    ReplyTokens(ReplyProperties properties, Clock clock, JdbcClient jdbc) {
        this.properties = properties;
        this.clock = clock;
        this.key = (properties.secret() == null || properties.secret().isBlank() ? storedSecret(jdbc)
                : properties.secret()).getBytes(StandardCharsets.UTF_8);
    }

    /** Who a valid token is for. */
    public record Holder(String reference, String recipient, Instant expires) {
    }

    public String create(String reference, String recipient) {
        Instant expires = clock.instant().plus(properties.validity());
        String payload = encode((reference + "|" + recipient + "|" + expires.getEpochSecond())
                .getBytes(StandardCharsets.UTF_8));
        return payload + "." + encode(sign(payload));
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
        if (!MessageDigest.isEqual(sign(payload), signature) || parts.length != 3) {
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

    private byte[] sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The default run's key: made once at random and kept in the database, so links survive restarts. */
    private static String storedSecret(JdbcClient jdbc) {
        Optional<String> stored = jdbc.sql("select setting_value from app_setting where setting_name = ?")
                .param(SECRET_SETTING).query(String.class).optional();
        if (stored.isPresent()) {
            return stored.get();
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String secret = HexFormat.of().formatHex(random);
        jdbc.sql("insert into app_setting (setting_name, setting_value) values (?, ?)").params(SECRET_SETTING, secret)
                .update();
        return secret;
    }
}
