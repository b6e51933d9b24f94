package org.rcm.requests.reply;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.rcm.requests.signing.SigningKey;
import org.rcm.requests.signing.SigningProperties;

/** Signed reply tokens: what was signed comes back; anything changed, expired or signed with another key does not. */
class ReplyTokensTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final Duration VALIDITY = Duration.ofDays(180);

    private static ReplyTokens tokens(String secret, Instant at) {
        return new ReplyTokens(new ReplyProperties("https://requests.example.org/", VALIDITY, null, null),
                Clock.fixed(at, ZoneOffset.UTC), new SigningKey(new SigningProperties(secret), null));
    }

    private final ReplyTokens tokens = tokens("key-one", NOW);

    @Test
    void aTokenNamesItsRequestRecipientAndExpiry() {
        String token = tokens.create("CRM-2026-0007", "IOM");

        assertThat(tokens.verify(token)).as("verified holder").hasValueSatisfying(holder -> {
            assertThat(holder.reference()).isEqualTo("CRM-2026-0007");
            assertThat(holder.recipient()).isEqualTo("IOM");
            assertThat(holder.expires()).isEqualTo(NOW.plus(VALIDITY));
        });
    }

    @Test
    void theLinkIsTheBaseUrlAndAToken() {
        String link = tokens.linkFor("CRM-2026-0007", "IOM");

        assertThat(link).startsWith("https://requests.example.org/reply/");
        assertThat(tokens.verify(link.substring(link.lastIndexOf('/') + 1))).as("token of the link").isPresent();
    }

    @Test
    void aPayloadNamingAnotherRecipientIsRefused() {
        String token = tokens.create("CRM-2026-0007", "IOM");
        String signature = token.substring(token.indexOf('.') + 1);
        String forged = encode("CRM-2026-0007|PAHO|" + NOW.plus(VALIDITY).getEpochSecond()) + "." + signature;

        assertThat(tokens.verify(forged)).as("payload changed, signature kept").isEmpty();
    }

    @Test
    void aLongerValidityWrittenIntoThePayloadIsRefused() {
        String token = tokens.create("CRM-2026-0007", "IOM");
        String signature = token.substring(token.indexOf('.') + 1);
        String forged = encode("CRM-2026-0007|IOM|" + NOW.plus(Duration.ofDays(3650)).getEpochSecond()) + "."
                + signature;

        assertThat(tokens.verify(forged)).as("expiry pushed back").isEmpty();
    }

    @Test
    void anAlteredSignatureIsRefused() {
        String token = tokens.create("CRM-2026-0007", "IOM");
        char last = token.charAt(token.length() - 1);
        String altered = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
        String truncated = token.substring(0, token.length() - 4);

        assertThat(tokens.verify(altered)).as("one character changed").isEmpty();
        assertThat(tokens.verify(truncated)).as("cut short").isEmpty();
    }

    @Test
    void aTokenIsValidUntilItExpires() {
        String token = tokens.create("CRM-2026-0007", "IOM");

        assertThat(tokens("key-one", NOW.plus(VALIDITY).minusSeconds(1)).verify(token)).as("a second before").isPresent();
        assertThat(tokens("key-one", NOW.plus(VALIDITY)).verify(token)).as("at expiry").isEmpty();
        assertThat(tokens("key-one", NOW.plus(VALIDITY).plusSeconds(1)).verify(token)).as("after").isEmpty();
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() {
        String token = tokens.create("CRM-2026-0007", "IOM");

        assertThat(tokens("key-two", NOW).verify(token)).as("other key").isEmpty();
        assertThat(tokens("key-one", NOW).verify(token)).as("same key, new instance").isPresent();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {".", "abc", ".abc", "abc.", "!!!.###", "a.b.c", "Q1JN.AAAA"})
    void malformedTokensAreRefused(String token) {
        assertThat(tokens.verify(token)).as("token '%s'", token).isEmpty();
    }

    @Test
    void aSignedPayloadOfTheWrongShapeIsRefused() {
        // signed correctly by this key, but not reference|recipient|expiry
        String token = tokens.create("CRM-2026-0007|X", "IOM");

        assertThat(tokens.verify(token)).as("four fields").isEmpty();
    }

    private static String encode(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
