package org.rcm.requests.mail.outbound;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;

import org.eclipse.angus.mail.smtp.SMTPMessage;

/**
 * A message whose Message-ID is the one we recorded, not a fresh one made when it is saved, and whose envelope sender
 * (SMTP {@code MAIL FROM}) is its own return path. The SMTP transport reads {@link #getEnvelopeFrom()} of each
 * message; the session's {@code mail.smtp.from} would be one address for every message the sender sends.
 */
class StableIdMimeMessage extends SMTPMessage {

    private final String messageId;

    StableIdMimeMessage(Session session, String messageId, String returnPath) {
        super(session);
        this.messageId = messageId;
        setEnvelopeFrom(returnPath);
    }

    @Override
    protected void updateMessageID() throws MessagingException {
        setHeader("Message-ID", messageId);
    }
}
