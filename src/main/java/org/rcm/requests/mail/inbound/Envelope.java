package org.rcm.requests.mail.inbound;

import java.util.List;

/** The decoded header facts the detectors look at, read once by {@link MessageParser}. */
record Envelope(MailHeaders headers, String from, String fromName, List<String> to, String subject, String inReplyTo,
                List<String> references) {
}
