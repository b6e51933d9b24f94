package org.rcm.requests.signing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The application's secret, signing with HMAC-SHA256 whatever the product hands out and must recognize again:
 * reply links, Message-IDs, reply and return addresses. Every node of a cluster reads the same key.
 */
@Component
public class SigningKey {

    /** The name it has had since it signed only reply links: keys kept by earlier versions stay valid. */
    private static final String SECRET_SETTING = "reply-link-secret";

    private final SecretKeySpec key;

    public SigningKey(SigningProperties properties, JdbcClient jdbc) {
        String secret = properties.secret() == null || properties.secret().isBlank() ? storedSecret(jdbc)
                : properties.secret();
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** The HMAC-SHA256 of the text (UTF-8). */
    public byte[] sign(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** The default run's key: made once at random and kept in the database, so that keys survive restarts. */
    private static String storedSecret(JdbcClient jdbc) {
        Optional<String> stored = read(jdbc);
        if (stored.isPresent()) {
            return stored.get();
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        try {
            jdbc.sql("insert into app_setting (setting_name, setting_value) values (?, ?)")
                    .params(SECRET_SETTING, HexFormat.of().formatHex(random)).update();
        } catch (DuplicateKeyException anotherNodeFirst) {
            // two nodes started on an empty database at once: the first one's key is everyone's
        }
        return read(jdbc).orElseThrow();
    }

    private static Optional<String> read(JdbcClient jdbc) {
        return jdbc.sql("select setting_value from app_setting where setting_name = ?").param(SECRET_SETTING)
                .query(String.class).optional();
    }
}
