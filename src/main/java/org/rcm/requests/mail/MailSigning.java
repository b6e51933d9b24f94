package org.rcm.requests.mail;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.rcm.requests.signing.SigningKey;
import org.springframework.stereotype.Component;

/**
 * The keys outgoing mail carries so that what comes back can be told from a guess: the Message-ID ends in an HMAC
 * part, the Reply-To names its request and recipient ({@code secretaria+crm-2026-0007-iom-<mac>@domain}) and the
 * return path its message ({@code secretaria+bounce-<key>-<mac>@domain}), both as plus-addresses of the Secretariat
 * mailbox. Keys are lower case base32, so that mail software that changes their case does not break them.
 */
@Component
public class MailSigning {

    private static final int MAC_CHARS = 16; // 80 bits
    private static final String BASE32 = "abcdefghijklmnopqrstuvwxyz234567";
    private static final Pattern REPLY_ADDRESS = Pattern.compile(
            "[^+@]+\\+([a-z]+-\\d{4}-\\d+)-([a-z0-9._-]+)-([a-z2-7]{" + MAC_CHARS + "})@[^@]+");
    private static final Pattern RETURN_PATH = Pattern.compile(
            "[^+@]+\\+bounce-(\\d{1,18})-([a-z2-7]{" + MAC_CHARS + "})@[^@]+");

    private final SigningKey key;
    private final MailProperties properties;

    MailSigning(SigningKey key, MailProperties properties) {
        this.key = key;
        this.properties = properties;
    }

    /** The request and recipient a verified reply address names, upper case as the registry writes them. */
    public record Addressee(String reference, String recipient) {
    }

    /** {@code <local.mac@domain>}, lower case. */
    public String messageId(String local) {
        String id = local.toLowerCase(Locale.ROOT);
        return "<" + id + "." + mac("message-id", id) + "@" + properties.domain().toLowerCase(Locale.ROOT) + ">";
    }

    /** Whether a Message-ID (with or without brackets, in any case) is one of ours with an intact HMAC part. */
    public boolean isSigned(String messageId) {
        String id = messageId == null ? "" : messageId.replaceAll("[<>\\s]", "").toLowerCase(Locale.ROOT);
        int at = id.lastIndexOf('@');
        int dot = at < 0 ? -1 : id.lastIndexOf('.', at);
        return dot > 0 && equal(id.substring(dot + 1, at), mac("message-id", id.substring(0, dot)));
    }

    /** The Reply-To of a message to a recipient of a request. */
    public String replyAddress(String reference, String recipient) {
        String ref = reference.toLowerCase(Locale.ROOT);
        String code = recipient.toLowerCase(Locale.ROOT);
        return plusAddress(ref + "-" + code + "-" + mac("reply-to", ref + "|" + code));
    }

    /** The request and recipient of a reply address, when its HMAC part verifies. */
    public Optional<Addressee> addresseeOf(String address) {
        Matcher m = REPLY_ADDRESS.matcher(normalized(address));
        if (!m.matches() || !equal(m.group(3), mac("reply-to", m.group(1) + "|" + m.group(2)))) {
            return Optional.empty();
        }
        return Optional.of(new Addressee(m.group(1).toUpperCase(Locale.ROOT), m.group(2).toUpperCase(Locale.ROOT)));
    }

    /** The envelope sender (VERP) of the message logged under this key: bounces of it come back there. */
    public String returnPath(long messageKey) {
        return plusAddress("bounce-" + messageKey + "-" + mac("return-path", String.valueOf(messageKey)));
    }

    /** The message key of a return path, when its HMAC part verifies. */
    public OptionalLong messageKeyOf(String address) {
        Matcher m = RETURN_PATH.matcher(normalized(address));
        if (!m.matches() || !equal(m.group(2), mac("return-path", m.group(1)))) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(m.group(1)));
    }

    private String plusAddress(String detail) {
        String mailbox = properties.secretariatAddress();
        int at = mailbox.lastIndexOf('@');
        return (mailbox.substring(0, at) + "+" + detail + mailbox.substring(at)).toLowerCase(Locale.ROOT);
    }

    /** The first 80 bits of the HMAC, base32; the purpose keeps one kind of key from standing in for another. */
    private String mac(String purpose, String text) {
        byte[] mac = key.sign(purpose + "|" + text);
        StringBuilder out = new StringBuilder(MAC_CHARS);
        int buffer = 0;
        int bits = 0;
        for (int i = 0; out.length() < MAC_CHARS; bits -= 5) {
            if (bits < 5) {
                buffer = (buffer << 8) | (mac[i++] & 0xff);
                bits += 8;
            }
            out.append(BASE32.charAt((buffer >> (bits - 5)) & 31));
        }
        return out.toString();
    }

    private static String normalized(String address) {
        return address == null ? "" : address.replaceAll("[<>\\s]", "").toLowerCase(Locale.ROOT);
    }

    private static boolean equal(String given, String expected) {
        return MessageDigest.isEqual(given.getBytes(StandardCharsets.US_ASCII),
                expected.getBytes(StandardCharsets.US_ASCII));
    }
}
