package org.rcm.requests.mail.inbound;

import java.io.ByteArrayInputStream;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetHeaders;

/**
 * The few header fields the mailbox reader stores with a message (Message-ID, From, To, Subject), read from the
 * header block alone: reading the whole message is the background work's.
 */
record RawHeaders(String messageId, String from, String to, String subject) {

    static RawHeaders of(byte[] raw) {
        try {
            InternetHeaders headers = new InternetHeaders(new ByteArrayInputStream(
                    MimeLoader.withoutMboxSeparator(raw)), true);
            return new RawHeaders(MessageIds.first(headers.getHeader("Message-ID", " ")),
                    decoded(headers.getHeader("From", ", ")), decoded(headers.getHeader("To", ", ")),
                    decoded(headers.getHeader("Subject", " ")));
        } catch (MessagingException | RuntimeException unreadable) {
            return new RawHeaders(null, "", "", "");
        }
    }

    private static String decoded(String value) {
        return value == null ? "" : EncodedWords.decode(value.replaceAll("\\r?\\n[ \\t]+", " ")).trim();
    }
}
