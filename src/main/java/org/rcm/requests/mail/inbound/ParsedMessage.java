package org.rcm.requests.mail.inbound;

import java.time.Instant;
import java.util.List;

/** One inbound message as read by the parser. */
public record ParsedMessage(String messageId, String inReplyTo, List<String> references, String from, String fromName,
                            List<String> to, String subject, Instant date, String bodyText, String replyText,
                            List<ReceivedAttachment> attachments, Classification classification, BounceReport bounce,
                            List<String> originalMessageIds) {
}
